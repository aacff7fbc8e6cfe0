#!/usr/bin/env node
'use strict';
// Starts, stops and reports the devnet. `start` is idempotent: a devnet already running from
// the same run directory is reported, never started twice. The first start compiles and deploys
// by real transactions and caches a state dump (keyed by a fingerprint of the sources); later
// starts load that dump into anvil.
//
//   node scripts/start.js start|stop|status|restart|prepare [--fresh]
//
// Environment: DEVNET_PORT (8545), DEVNET_HOST (127.0.0.1), DEVNET_RUN_DIR (devnet/.run),
// DEVNET_STATE_DIR (devnet/.state), DEVNET_MANIFEST (devnet/manifest.json), DEVNET_FRESH=1
// (deploy live instead of loading the cached dump: slower, but keeps historical state and traces).
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const crypto = require('node:crypto');
const { spawnAnvil, rpcReady, portFree, freePort, alive, CHAIN_ID } = require('./lib/anvil');

const ROOT = path.resolve(__dirname, '..');

function config(overrides = {}) {
  const env = process.env;
  const host = overrides.host || env.DEVNET_HOST || '127.0.0.1';
  const port = Number(overrides.port || env.DEVNET_PORT || 8545);
  return {
    host,
    port,
    url: `http://${host}:${port}`,
    runDir: path.resolve(overrides.runDir || env.DEVNET_RUN_DIR || path.join(ROOT, '.run')),
    stateDir: path.resolve(overrides.stateDir || env.DEVNET_STATE_DIR || path.join(ROOT, '.state')),
    manifest: path.resolve(overrides.manifest || env.DEVNET_MANIFEST || path.join(ROOT, 'manifest.json')),
    log: overrides.log || ((m) => console.log(m)),
  };
}

// Scripts that do not shape the deployed state.
const NOT_STATE = new Set(['start.js', 'vocabulary.js']);

/** Hash of everything that shapes the deployed chain; a cached dump with another hash is stale. */
function fingerprint() {
  const h = crypto.createHash('sha256');
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(sol|js)$/.test(e.name) && !NOT_STATE.has(e.name)) h.update(path.relative(ROOT, p)).update('\0').update(fs.readFileSync(p)).update('\0');
    }
  };
  walk(path.join(ROOT, 'contracts'));
  walk(path.join(ROOT, 'scripts'));
  h.update(fs.readFileSync(path.join(ROOT, 'package-lock.json')));
  return h.digest('hex').slice(0, 32);
}

const files = (c) => ({
  pid: path.join(c.runDir, 'anvil.pid'),
  info: path.join(c.runDir, 'devnet.json'),
  log: path.join(c.runDir, 'anvil.log'),
  loadState: path.join(c.runDir, 'state.json'),
  cacheState: path.join(c.stateDir, 'devnet-state.json.gz'),
  cacheManifest: path.join(c.stateDir, 'manifest.json'),
  cacheFingerprint: path.join(c.stateDir, 'fingerprint'),
});

function readPid(c) {
  try {
    const pid = Number(fs.readFileSync(files(c).pid, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function readInfo(c) {
  try {
    return JSON.parse(fs.readFileSync(files(c).info, 'utf8'));
  } catch {
    return undefined;
  }
}

function writeAtomic(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

function cacheValid(c, fp) {
  const f = files(c);
  try {
    return fs.readFileSync(f.cacheFingerprint, 'utf8').trim() === fp && fs.existsSync(f.cacheState) && fs.existsSync(f.cacheManifest);
  } catch {
    return false;
  }
}

function writeManifest(c, manifestText) {
  const current = fs.existsSync(c.manifest) ? fs.readFileSync(c.manifest, 'utf8') : undefined;
  if (current !== manifestText) writeAtomic(c.manifest, manifestText);
}

/** Compiles and deploys on a fresh anvil at c.url, then stores the dump and manifest in the cache. */
async function deployAndCache(c, fp) {
  const { compileAll } = require('./compile');
  const { deployAll } = require('./deploy');
  const artifacts = await compileAll({ log: c.log });
  const t0 = Date.now();
  const manifest = await deployAll({ rpcUrl: c.url, artifacts, log: () => {} });
  c.log(`deployed ${manifest.tokens.length} tokens in ${((Date.now() - t0) / 1000).toFixed(1)} s (block ${manifest.deployment.lastBlock})`);
  const dump = await rpc(c.url, 'anvil_dumpState');
  const text = JSON.stringify(manifest, null, 2) + '\n';
  const f = files(c);
  writeAtomic(f.cacheState, Buffer.from(dump.slice(2), 'hex'));
  writeAtomic(f.cacheManifest, text);
  writeAtomic(f.cacheFingerprint, fp + '\n');
  return text;
}

/** Mines one empty block stamped with the wall clock, so the chain's "now" is now. */
async function startSessionBlock(url) {
  const head = await rpc(url, 'eth_getBlockByNumber', ['latest', false]);
  const now = Math.max(Math.floor(Date.now() / 1000), Number(head.timestamp) + 1);
  await rpc(url, 'evm_setNextBlockTimestamp', [now]);
  await rpc(url, 'evm_mine');
}

async function rpc(url, method, params = []) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

async function running(c) {
  const pid = readPid(c);
  if (!pid) return undefined;
  const info = readInfo(c);
  if (!alive(pid) || !info) return undefined;
  try {
    await rpcReady(info.rpcUrl, 2000);
    return { pid, ...info };
  } catch {
    return undefined;
  }
}

/** An exclusive start lock per run directory: a concurrent start waits for the first one. */
async function acquireLock(c, timeoutMs = 180000) {
  const lock = path.join(c.runDir, 'start.lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      return () => fs.rmSync(lock, { force: true });
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let holder;
      try {
        holder = Number(fs.readFileSync(lock, 'utf8').trim());
      } catch {
        continue; // released between the two calls
      }
      if (!holder || !alive(holder)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another start (pid ${holder}) is still running for ${c.runDir}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Starts the devnet unless it already runs from this run directory. */
async function start(overrides = {}) {
  const c = config(overrides);
  fs.mkdirSync(c.runDir, { recursive: true });
  const release = await acquireLock(c);
  try {
    return await startLocked(c, overrides);
  } finally {
    release();
  }
}

async function startLocked(c, overrides) {
  const f = files(c);
  const existing = await running(c);
  if (existing) {
    c.log(`devnet already running at ${existing.rpcUrl} (pid ${existing.pid}); manifest: ${existing.manifest}`);
    return { ...existing, alreadyRunning: true };
  }
  const stale = readPid(c);
  if (stale && alive(stale)) throw new Error(`pid ${stale} from ${f.pid} is alive but does not answer; stop it first`);
  fs.rmSync(f.pid, { force: true });
  fs.rmSync(f.info, { force: true });
  if (!(await portFree(c.port, c.host))) {
    throw new Error(`port ${c.port} on ${c.host} is in use by another process (set DEVNET_PORT to use another port)`);
  }

  const t0 = Date.now();
  const fp = fingerprint();
  const fromCache = !overrides.fresh && cacheValid(c, fp);
  let child;
  if (fromCache) {
    fs.writeFileSync(f.loadState, zlib.gunzipSync(fs.readFileSync(f.cacheState)));
    child = spawnAnvil({ host: c.host, port: c.port, loadState: f.loadState }, f.log);
  } else {
    const { GENESIS_TIMESTAMP } = require('./deploy');
    child = spawnAnvil({ host: c.host, port: c.port, genesisTimestamp: GENESIS_TIMESTAMP }, f.log);
  }
  fs.writeFileSync(f.pid, `${child.pid}\n`);
  const exited = new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`anvil exited (code ${code}); see ${f.log}`))));
  exited.catch(() => {});
  try {
    const chainId = await Promise.race([rpcReady(c.url), exited]);
    if (chainId !== CHAIN_ID) throw new Error(`anvil answered chain id ${chainId}`);
    const manifestText = fromCache ? fs.readFileSync(f.cacheManifest, 'utf8') : await deployAndCache(c, fp);
    writeManifest(c, manifestText);
    await startSessionBlock(c.url);
  } catch (e) {
    await stopPid(child.pid);
    fs.rmSync(f.pid, { force: true });
    throw e;
  }
  const info = { rpcUrl: c.url, chainId: CHAIN_ID, manifest: c.manifest, startedAt: new Date().toISOString(), mode: fromCache ? 'loaded' : 'deployed', fingerprint: fp };
  fs.writeFileSync(f.info, JSON.stringify(info, null, 2) + '\n');
  const ms = Date.now() - t0;
  c.log(`devnet ${fromCache ? 'loaded from cached state' : 'deployed'} in ${(ms / 1000).toFixed(1)} s at ${c.url} (pid ${child.pid}, chain ${CHAIN_ID})`);
  c.log(`manifest: ${c.manifest}`);
  return { pid: child.pid, ...info, alreadyRunning: false, ms };
}

async function stopPid(pid) {
  if (!alive(pid)) return false;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  return true;
}

/** Stops the devnet started from this run directory; the chain returns to the deployed state on the next start. */
async function stop(overrides = {}) {
  const c = config(overrides);
  const f = files(c);
  const pid = readPid(c);
  const stopped = pid ? await stopPid(pid) : false;
  fs.rmSync(f.pid, { force: true });
  fs.rmSync(f.info, { force: true });
  fs.rmSync(f.loadState, { force: true });
  c.log(stopped ? `devnet stopped (pid ${pid})` : 'devnet was not running');
  return { stopped, pid };
}

async function status(overrides = {}) {
  const c = config(overrides);
  const r = await running(c);
  c.log(r ? `devnet running at ${r.rpcUrl} (pid ${r.pid}, ${r.mode}); manifest: ${r.manifest}` : 'devnet not running');
  return r;
}

/** Makes sure a current cached state exists (deploys once on a free port if not); writes no manifest. */
async function prepare(overrides = {}) {
  const c = config(overrides);
  const fp = fingerprint();
  if (!overrides.fresh && cacheValid(c, fp)) {
    c.log(`devnet state cache is current: ${files(c).cacheState}`);
    return;
  }
  const port = await freePort(c.host);
  const runDir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'devnet-prepare-'));
  try {
    // The manifest goes to the cache (and a scratch copy), never over the committed one.
    await start({ ...overrides, port, runDir, manifest: path.join(runDir, 'manifest.json'), fresh: true });
  } finally {
    await stop({ ...overrides, runDir, log: () => {} });
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

module.exports = { start, stop, status, prepare, fingerprint, config };

if (require.main === module) {
  const [cmd = 'start'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const fresh = process.argv.includes('--fresh') || process.env.DEVNET_FRESH === '1';
  const commands = {
    start: () => start({ fresh }),
    stop: () => stop(),
    status: () => status(),
    restart: async () => {
      await stop();
      return start({ fresh });
    },
    prepare: () => prepare({ fresh }),
  };
  if (!commands[cmd]) {
    console.error(`usage: node scripts/start.js ${Object.keys(commands).join('|')} [--fresh]`);
    process.exit(2);
  }
  commands[cmd]().then(
    (r) => process.exit(cmd === 'status' && !r ? 1 : 0),
    (e) => {
      console.error(`devnet: ${e.message}`);
      process.exit(1);
    },
  );
}
