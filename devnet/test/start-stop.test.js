'use strict';
// start/stop as a user runs them: the CLI honours DEVNET_PORT, never starts twins, writes and
// removes its PID file, and a restart returns to the pristine deployed chain.
const { describe, it, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');
const { freePort, alive } = require('../scripts/lib/anvil');
const { start, stop } = require('../scripts/start');
const { Chain } = require('../scripts/lib/chain');

const run = promisify(execFile);
const SCRIPT = path.join(__dirname, '..', 'scripts', 'start.js');
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'devnet-cli-'));

after(async () => {
  await stop({ runDir, log: () => {} });
  fs.rmSync(runDir, { recursive: true, force: true });
});

describe('start and stop', () => {
  it('starts on DEVNET_PORT, is idempotent, and stops by PID', async () => {
    const port = await freePort();
    const manifest = path.join(runDir, 'manifest.json');
    const env = { ...process.env, DEVNET_PORT: String(port), DEVNET_RUN_DIR: runDir, DEVNET_MANIFEST: manifest };

    const first = await run(process.execPath, [SCRIPT, 'start'], { env });
    assert.match(first.stdout, new RegExp(`at http://127\\.0\\.0\\.1:${port} \\(pid \\d+`));
    assert.match(first.stdout, new RegExp(`manifest: ${manifest.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const pid = Number(fs.readFileSync(path.join(runDir, 'anvil.pid'), 'utf8'));
    assert.ok(alive(pid));
    const chain = new Chain(`http://127.0.0.1:${port}`);
    assert.equal(Number(await chain.rpc('eth_chainId')), 31337);
    const m = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    assert.ok((await chain.code(m.contracts.uniswapV2Router02)).length > 2, 'the zoo is deployed');

    const second = await run(process.execPath, [SCRIPT, 'start'], { env });
    assert.match(second.stdout, new RegExp(`already running .*\\(pid ${pid}\\)`));
    assert.equal(Number(fs.readFileSync(path.join(runDir, 'anvil.pid'), 'utf8')), pid, 'no twin');

    const status = await run(process.execPath, [SCRIPT, 'status'], { env });
    assert.match(status.stdout, /devnet running/);

    // Another run directory cannot take the same port.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'devnet-cli-other-'));
    await assert.rejects(start({ port, runDir: other, manifest: path.join(other, 'm.json'), log: () => {} }), /in use/);
    fs.rmSync(other, { recursive: true, force: true });

    // Changes made while running are gone after a restart.
    const [holder] = m.accounts.holders;
    await chain.rpc('anvil_setBalance', [holder, '0x1']);
    await run(process.execPath, [SCRIPT, 'stop'], { env });
    assert.ok(!alive(pid), 'anvil stopped');
    assert.ok(!fs.existsSync(path.join(runDir, 'anvil.pid')), 'PID file removed');
    await run(process.execPath, [SCRIPT, 'start'], { env });
    assert.notEqual(await chain.balance(holder), 1n, 'pristine state after restart');

    const stopped = await run(process.execPath, [SCRIPT, 'stop'], { env });
    assert.match(stopped.stdout, /devnet stopped/);
    const again = await run(process.execPath, [SCRIPT, 'stop'], { env });
    assert.match(again.stdout, /not running/);
  });

  it('two concurrent starts give one devnet', async () => {
    const port = await freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devnet-cli-twins-'));
    const opts = { port, runDir: dir, manifest: path.join(dir, 'manifest.json'), log: () => {} };
    try {
      const [a, b] = await Promise.all([start(opts), start(opts)]);
      assert.equal(a.pid, b.pid);
      assert.deepEqual([a.alreadyRunning, b.alreadyRunning].sort(), [false, true]);
    } finally {
      await stop({ runDir: dir, log: () => {} });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
