// Compiles the test contracts with solc-js into contracts.json: {Name: {bytecode, deployedBytecode, abi}}.
// Usage: node compile.js <node_modules dir holding solc@0.8.28 and @openzeppelin/contracts@5.7.0>
const fs = require('fs');
const path = require('path');
const modules = path.resolve(process.argv[2]);
const solc = require(path.join(modules, 'solc'));
const sources = {};
for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.sol'))) {
  sources[f] = { content: fs.readFileSync(path.join(__dirname, f), 'utf8') };
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};
const findImports = (p) => {
  try {
    return { contents: fs.readFileSync(path.join(modules, p), 'utf8') };
  } catch (e) {
    return { error: 'not found: ' + p };
  }
};
const out = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (out.errors || []).filter((e) => e.severity === 'error');
if (errors.length) {
  console.error(errors.map((e) => e.formattedMessage).join('\n'));
  process.exit(1);
}
const wanted = ['KzOwnedToken', 'KzRolesToken', 'KzImplToken', 'KzProxiable1822', 'KzMiniSafe', 'KzMulticall3',
  'TransparentUpgradeableProxy', 'ProxyAdmin', 'UpgradeableBeacon', 'BeaconProxy', 'TimelockController'];
const result = { compiler: solc.version() };
for (const file of Object.keys(out.contracts)) {
  for (const [name, c] of Object.entries(out.contracts[file])) {
    if (wanted.includes(name)) {
      result[name] = { abi: c.abi, bytecode: c.evm.bytecode.object, deployedBytecode: c.evm.deployedBytecode.object };
    }
  }
}
fs.writeFileSync(path.join(__dirname, 'contracts.json'), JSON.stringify(result));
console.log('compiled', Object.keys(result).join(', '));
