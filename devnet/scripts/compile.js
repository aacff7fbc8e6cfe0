#!/usr/bin/env node
'use strict';
// Compiles contracts/v0.5, v0.6 and v0.8 with the matching solc-js build (one compiler per
// child process) and caches the artifacts in build/, keyed by a hash of sources and settings.
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const BUILD = path.join(ROOT, 'build');

// evmVersion is set explicitly: solc 0.8.37 would otherwise target osaka.
const GROUPS = {
  'v0.5': { pkg: 'solc-0.5.17', version: '0.5.17', evmVersion: 'istanbul' },
  'v0.6': { pkg: 'solc-0.6.12', version: '0.6.12', evmVersion: 'istanbul' },
  'v0.8': { pkg: 'solc', version: '0.8.37', evmVersion: 'cancun' },
};

function sourcesOf(group) {
  const dir = path.join(ROOT, 'contracts', group);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.sol')).sort()
    .map((f) => ({ key: `contracts/${group}/${f}`, content: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

function settingsOf(group) {
  return {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: GROUPS[group].evmVersion,
    outputSelection: {
      '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.methodIdentifiers', 'storageLayout'] },
    },
  };
}

function fingerprint(group) {
  const h = crypto.createHash('sha256');
  h.update(JSON.stringify({ group, compiler: GROUPS[group], settings: settingsOf(group) }));
  h.update(require('@openzeppelin/contracts/package.json').version);
  for (const s of sourcesOf(group)) h.update(s.key).update('\0').update(s.content).update('\0');
  return h.digest('hex');
}

function findImport(p) {
  const candidates = [path.join(ROOT, p), path.join(ROOT, 'node_modules', p)];
  for (const c of candidates) {
    if (fs.existsSync(c)) return { contents: fs.readFileSync(c, 'utf8') };
  }
  return { error: `not found: ${p}` };
}

// Runs inside a child process: compile one group and write build/<group>.json.
function compileGroup(group) {
  const cfg = GROUPS[group];
  const solc = require(cfg.pkg);
  const actual = solc.version();
  if (!actual.startsWith(cfg.version + '+')) throw new Error(`${cfg.pkg} is ${actual}, expected ${cfg.version}`);
  const sources = {};
  for (const s of sourcesOf(group)) sources[s.key] = { content: s.content };
  const input = { language: 'Solidity', sources, settings: settingsOf(group) };
  const out = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
  const errors = (out.errors || []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const contracts = {};
  for (const [file, byName] of Object.entries(out.contracts || {})) {
    if (!file.startsWith('contracts/')) continue; // library sources (OpenZeppelin) are not deployed directly
    for (const [name, c] of Object.entries(byName)) {
      if (!c.evm.bytecode.object) continue; // interfaces and abstract contracts
      contracts[`${file}:${name}`] = {
        contractName: name,
        sourceName: file,
        compiler: actual,
        evmVersion: cfg.evmVersion,
        abi: c.abi,
        bytecode: '0x' + c.evm.bytecode.object,
        deployedBytecode: '0x' + c.evm.deployedBytecode.object,
        methodIdentifiers: c.evm.methodIdentifiers,
        storageLayout: c.storageLayout,
      };
    }
  }
  const warnings = (out.errors || []).filter((e) => e.severity !== 'error').length;
  fs.mkdirSync(BUILD, { recursive: true });
  fs.writeFileSync(path.join(BUILD, `${group}.json`), JSON.stringify({ fingerprint: fingerprint(group), compiler: actual, contracts }));
  return { group, compiler: actual, contracts: Object.keys(contracts).length, warnings };
}

function isFresh(group) {
  const f = path.join(BUILD, `${group}.json`);
  if (!fs.existsSync(f)) return false;
  try {
    return JSON.parse(fs.readFileSync(f, 'utf8')).fingerprint === fingerprint(group);
  } catch {
    return false;
  }
}

function runChild(group) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, '--group', group], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`compiling ${group} failed (exit ${code})`))));
  });
}

/** Compiles stale groups in parallel child processes; returns all artifacts keyed by "file:Name". */
async function compileAll({ log = console.log } = {}) {
  const stale = Object.keys(GROUPS).filter((g) => !isFresh(g));
  if (stale.length) {
    const t0 = Date.now();
    const results = await Promise.all(stale.map(runChild));
    results.forEach((r) => log(`compiled ${r}`));
    log(`compile: ${stale.join(', ')} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return loadArtifacts();
}

function loadArtifacts() {
  const all = {};
  for (const g of Object.keys(GROUPS)) {
    const f = path.join(BUILD, `${g}.json`);
    Object.assign(all, JSON.parse(fs.readFileSync(f, 'utf8')).contracts);
  }
  return all;
}

module.exports = { compileAll, loadArtifacts, GROUPS };

if (require.main === module) {
  const i = process.argv.indexOf('--group');
  if (i > 0) {
    const r = compileGroup(process.argv[i + 1]);
    process.stdout.write(`${r.group} with solc ${r.compiler}: ${r.contracts} contracts, ${r.warnings} warnings\n`);
  } else {
    if (process.argv.includes('--force')) fs.rmSync(BUILD, { recursive: true, force: true });
    compileAll().catch((e) => {
      console.error(e.message);
      process.exit(1);
    });
  }
}
