'use strict';
// Locates the anvil binary shipped in the npm package for this platform and starts it.
const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const { spawn } = require('node:child_process');

const MNEMONIC = 'test test test test test test test test test test test junk';
const CHAIN_ID = 31337;
const ACCOUNTS = 30;
const HARDFORK = 'prague';

function anvilBinary() {
  const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch];
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch}`;
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  const bin = path.join(dir, 'bin', process.platform === 'win32' ? 'anvil.exe' : 'anvil');
  if (!fs.existsSync(bin)) throw new Error(`anvil binary missing at ${bin}: run npm ci in devnet/`);
  return bin;
}

/** The fixed command line: same accounts, chain id and hardfork on every start. */
function anvilArgs({ host, port, loadState, genesisTimestamp }) {
  const args = [
    '--host', host, '--port', String(port),
    '--chain-id', String(CHAIN_ID),
    '--mnemonic', MNEMONIC, '--accounts', String(ACCOUNTS), '--balance', '10000',
    '--hardfork', HARDFORK,
  ];
  if (loadState) args.push('--load-state', loadState);
  if (genesisTimestamp !== undefined) args.push('--timestamp', String(genesisTimestamp));
  return args;
}

/** Starts anvil as its own process group leader so it outlives the starting script. */
function spawnAnvil(opts, logFile, { detached = true } = {}) {
  const out = fs.openSync(logFile, 'w');
  const child = spawn(anvilBinary(), anvilArgs(opts), { detached, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  if (detached) child.unref();
  return child;
}

async function rpcReady(url, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      });
      const body = await res.json();
      if (body.result) return Number(body.result);
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`anvil at ${url} did not answer within ${timeoutMs} ms${lastError ? `: ${lastError.message}` : ''}`);
}

function portFree(port, host) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

module.exports = { anvilBinary, anvilArgs, spawnAnvil, rpcReady, portFree, freePort, alive, MNEMONIC, CHAIN_ID, ACCOUNTS, HARDFORK };
