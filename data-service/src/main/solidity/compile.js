#!/usr/bin/env node
'use strict';
// Compiles KaizenProbe.sol with solc-js and writes its runtime code to
// src/main/resources/simulation/kaizen-probe.json ({compiler, settings, sourceKeccak, runtime}).
//
//   node src/main/solidity/compile.js [--check] [node_modules dir with solc@0.8.37]
//
// The default node_modules is the devnet's (../devnet/node_modules from the data-service module).
// --check compiles and compares with the committed JSON instead of writing it (exit 1 on a difference).
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const check = args.includes('--check');
const modules = path.resolve(args.find((a) => !a.startsWith('--')) || path.join(__dirname, '..', '..', '..', '..', 'devnet', 'node_modules'));
const solc = require(path.join(modules, 'solc'));
const { keccak256, toUtf8Bytes } = require(path.join(modules, 'ethers'));

const sourceFile = path.join(__dirname, 'KaizenProbe.sol');
const output = path.join(__dirname, '..', 'resources', 'simulation', 'kaizen-probe.json');
const source = fs.readFileSync(sourceFile, 'utf8');
// Paris: no PUSH0, so the code runs on chains that have not adopted Shanghai.
const settings = {
  evmVersion: 'paris',
  viaIR: true,
  optimizer: { enabled: true, runs: 200 },
  metadata: { bytecodeHash: 'none', appendCBOR: false },
  outputSelection: { '*': { KaizenProbe: ['evm.deployedBytecode.object'] } },
};
const input = { language: 'Solidity', sources: { 'KaizenProbe.sol': { content: source } }, settings };
const out = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (out.errors || []).filter((e) => e.severity === 'error');
if (errors.length) {
  console.error(errors.map((e) => e.formattedMessage).join('\n'));
  process.exit(1);
}
const runtime = '0x' + out.contracts['KaizenProbe.sol'].KaizenProbe.evm.deployedBytecode.object;
const result = {
  compiler: solc.version(),
  settings: { evmVersion: settings.evmVersion, viaIR: settings.viaIR, optimizer: settings.optimizer, metadata: settings.metadata },
  sourceKeccak: keccak256(toUtf8Bytes(source)),
  runtime,
};
const text = JSON.stringify(result, null, 2) + '\n';
if (check) {
  const committed = fs.existsSync(output) ? fs.readFileSync(output, 'utf8') : '';
  if (committed !== text) {
    console.error('kaizen-probe.json is stale: run node src/main/solidity/compile.js');
    process.exit(1);
  }
  console.log('kaizen-probe.json matches KaizenProbe.sol (' + (runtime.length - 2) / 2 + ' bytes)');
} else {
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, text);
  console.log('wrote', output, (runtime.length - 2) / 2, 'bytes, solc', solc.version());
}
