'use strict';
// Deploys the devnet by real transactions against a fresh anvil: WETH, Uniswap V2, Multicall3,
// the stablecoins and their pools, the LP locker, then every zoo token with its pool, LP
// handling, holder activity and post-launch actions. Same order every time, one block per
// transaction, 12 s between blocks from a fixed genesis time: addresses, balances and
// timestamps are identical on every run.
const fs = require('node:fs');
const path = require('node:path');
const { parseEther, parseUnits } = require('ethers');
const { Chain } = require('./lib/chain');
const { CHAIN_ID, HARDFORK } = require('./lib/anvil');
const { ZOO } = require('./zoo');
const { buildManifest } = require('./manifest');

const GENESIS_TIMESTAMP = 1767225600; // 2026-01-01T00:00:00Z
const BLOCK_INTERVAL = 12;
const DEAD = '0x000000000000000000000000000000000000dEaD';
const ZERO = '0x0000000000000000000000000000000000000000';
const DEADLINE = 4102444800n; // 2100-01-01
const MAX_UINT = (1n << 256n) - 1n;
const ETH_PRICE_USD = 3000n;

// Anvil dev account indices (the standard test mnemonic).
const ROLES = {
  admin: 0, cleanDev: 1, scammer: 2, taxDev: 3, limitsDev: 4, privDev: 5, ownerDev: 6, infraDev: 7,
  plainDev: 8, hiddenDev: 9, marketing: 10, vault: 11, keeper: 12, rewardPool: 13,
};
const HOLDER_FIRST = 14;
const HOLDER_COUNT = 16;

const ERC20_ABI = [
  'function name() view returns (string)',
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address) view returns (uint256)',
  'function allowance(address,address) view returns (uint256)',
  'function owner() view returns (address)',
  'function transfer(address,uint256)',
  'function approve(address,uint256)',
  'event Transfer(address indexed from, address indexed to, uint256 value)',
];

const uniArtifact = (pkg, name) => {
  const j = require(`@uniswap/${pkg}/build/${name}.json`);
  return { contractName: name, abi: j.abi, bytecode: '0x' + j.bytecode, compiler: `uniswap ${pkg} build` };
};

// Deterministic PRNG (mulberry32) for holder activity.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Deployer {
  constructor(chain, artifacts, log) {
    this.chain = chain;
    this.artifacts = artifacts;
    this.log = log;
    this.ROLES = ROLES;
    this.DEAD = DEAD;
    this.ZERO = ZERO;
    this.MAX_UINT = MAX_UINT;
  }

  art(name) {
    const keys = Object.keys(this.artifacts).filter((k) => k.endsWith(`:${name}`));
    if (keys.length !== 1) throw new Error(`artifact ${name}: ${keys.length} matches`);
    return this.artifacts[keys[0]];
  }

  role(name) {
    return this.accounts[ROLES[name]];
  }

  holder(i) {
    return this.holders[((i % HOLDER_COUNT) + HOLDER_COUNT) % HOLDER_COUNT];
  }

  async deploy(from, name, args = [], opts) {
    const artifact = typeof name === 'string' ? this.art(name) : name;
    const c = await this.chain.deploy(from, artifact, args, opts);
    c.artifact = artifact;
    return c;
  }

  erc20(address, name) {
    return this.chain.at(address, ERC20_ABI, name);
  }

  async setup() {
    const accounts = await this.chain.accounts();
    if (accounts.length < HOLDER_FIRST + HOLDER_COUNT) throw new Error(`anvil has ${accounts.length} accounts, need ${HOLDER_FIRST + HOLDER_COUNT}`);
    this.accounts = accounts;
    this.holders = accounts.slice(HOLDER_FIRST, HOLDER_FIRST + HOLDER_COUNT);
    const genesis = await this.chain.rpc('eth_getBlockByNumber', ['0x0', false]);
    if (Number(genesis.timestamp) !== GENESIS_TIMESTAMP || (await this.chain.blockNumber()) !== 0) {
      throw new Error('deploy needs a fresh anvil started with --timestamp ' + GENESIS_TIMESTAMP);
    }
    await this.chain.rpc('anvil_setBlockTimestampInterval', [BLOCK_INTERVAL]);
  }

  async infrastructure() {
    const admin = this.role('admin');
    this.weth = await this.deploy(admin, uniArtifact('v2-periphery', 'WETH9'));
    this.factory = await this.deploy(admin, uniArtifact('v2-core', 'UniswapV2Factory'), [admin]);
    this.router = await this.deploy(admin, uniArtifact('v2-periphery', 'UniswapV2Router02'), [this.factory.address, this.weth.address]);
    this.pairArtifact = uniArtifact('v2-core', 'UniswapV2Pair');
    this.multicall = await this.deploy(admin, 'Multicall3');
    this.locker = await this.deploy(admin, 'LiquidityLocker');
    this.log(`infrastructure: WETH ${this.weth.address}, factory ${this.factory.address}, router ${this.router.address}`);

    // The reference dollar and its WETH pool: 3,000,000 DUSD against 1,000 ETH = 3,000 USD/ETH.
    this.dusd = await this.deploy(admin, 'DevnetUSD', [parseUnits('1000000000', 6)]);
    await this.addLiquidity(this.dusd, admin, parseUnits('3000000', 6), parseEther('1000'));
    this.usdt = await this.deploy(admin, 'TetherToken', [parseUnits('1000000000', 6), 'Tether USD', 'USDT', 6]);
    await this.addLiquidity(this.usdt, admin, parseUnits('1500000', 6), parseEther('500'));
    // Stablecoin balances spread over the holder wallets.
    for (let i = 0; i < HOLDER_COUNT; i++) {
      await this.dusd.send(admin, 'transfer', [this.holder(i), parseUnits(String(5000 + 2500 * i), 6)]);
      if (i % 2 === 0) await this.usdt.send(admin, 'transfer', [this.holder(i), parseUnits(String(10000 + 1000 * i), 6)]);
    }
  }

  async pairOf(token) {
    const pair = await this.factory.read('getPair', [token.address, this.weth.address]);
    return pair === ZERO ? undefined : this.chain.at(pair, this.pairArtifact.abi, `pair(${token.name})`);
  }

  async addLiquidity(token, owner, tokenAmount, ethAmount) {
    await token.send(owner, 'approve', [this.router.address, tokenAmount]);
    await this.router.send(owner, 'addLiquidityETH', [token.address, tokenAmount, 0, 0, owner, DEADLINE], { value: ethAmount, gas: 5_000_000n });
    return this.pairOf(token);
  }

  async buy(token, who, ethAmount, { allowRevert = false } = {}) {
    return this.router.send(who, 'swapExactETHForTokensSupportingFeeOnTransferTokens', [0, [this.weth.address, token.address], who, DEADLINE],
      { value: ethAmount, gas: 800_000n, allowRevert });
  }

  async sell(token, who, amount, { allowRevert = false } = {}) {
    const allowance = await token.read('allowance', [who, this.router.address]);
    if (allowance < amount) await token.send(who, 'approve', [this.router.address, MAX_UINT]);
    return this.router.send(who, 'swapExactTokensForETHSupportingFeeOnTransferTokens', [amount, 0, [token.address, this.weth.address], who, DEADLINE],
      { gas: 800_000n, allowRevert });
  }

  /** Burns and locks shares of the deployer's LP tokens; the rest stays with the deployer. */
  async handleLp(pair, owner, lp = {}) {
    const total = await pair.read('balanceOf', [owner]);
    const locks = [];
    if (lp.burnBps) await pair.send(owner, 'transfer', [DEAD, (total * BigInt(lp.burnBps)) / 10000n]);
    for (const l of lp.lock || []) {
      const amount = (total * BigInt(l.bps)) / 10000n;
      await pair.send(owner, 'approve', [this.locker.address, amount]);
      const receipt = await this.locker.send(owner, 'lock', [pair.address, amount, l.until]);
      const [ev] = this.locker.logs(receipt, 'Locked');
      locks.push({ lockId: Number(ev.lockId), amount: ev.amount, unlockTime: Number(ev.unlockTime), owner });
    }
    return locks;
  }

  /** Organic-looking trading: buys from several wallets, wallet transfers, some sells. */
  async activity(token, seed, spec) {
    const rnd = prng(seed);
    const start = Math.floor(rnd() * HOLDER_COUNT);
    const buyers = [];
    const ev = { buys: [], sells: [], failedSells: [], failedBuys: [], transfers: [] };
    for (let i = 0; i < (spec.buyers || 0); i++) {
      const who = this.holder(start + i * 3);
      const milli = Math.round((spec.minEth + rnd() * (spec.maxEth - spec.minEth)) * 1000);
      const r = await this.buy(token, who, parseEther((milli / 1000).toFixed(3)), { allowRevert: !!spec.buysFail });
      if (r.status === '0x1') {
        buyers.push(who);
        ev.buys.push(r.transactionHash);
      } else {
        ev.failedBuys.push(r.transactionHash);
      }
    }
    for (let i = 0; i < (spec.transfers || 0) && buyers.length > 1; i++) {
      const from = buyers[(i * 2) % buyers.length];
      const to = this.holder(start + 1 + i * 5);
      const bal = await token.read('balanceOf', [from]);
      const r = await token.send(from, 'transfer', [to, bal / BigInt(3 + i)], { allowRevert: !!spec.transfersMayFail });
      ev.transfers.push({ tx: r.transactionHash, ok: r.status === '0x1' });
    }
    for (let i = 0; i < (spec.sells || 0) && i < buyers.length; i++) {
      const who = buyers[buyers.length - 1 - i];
      const bal = await token.read('balanceOf', [who]);
      const r = await this.sell(token, who, bal / 2n);
      ev.sells.push(r.transactionHash);
    }
    for (let i = 0; i < (spec.failedSells || 0) && i < buyers.length; i++) {
      const who = buyers[i];
      const bal = await token.read('balanceOf', [who]);
      const r = await this.sell(token, who, bal / 2n, { allowRevert: true });
      if (r.status === '0x1') throw new Error(`${token.name}: a sell by ${who} was expected to revert`);
      ev.failedSells.push(r.transactionHash);
    }
    return { buyers, ...ev };
  }

  async launchZoo() {
    this.tokens = [];
    let seed = 1;
    for (const spec of ZOO) {
      const dev = this.role(spec.deployer);
      const t = { spec, dev };
      t.contract = await spec.deploy(this, dev);
      t.token = this.erc20(t.contract.address, spec.key);
      t.launchBlock = await this.chain.blockNumber();
      const supply = await t.token.read('balanceOf', [dev]);
      const pair = await this.addLiquidity(t.token, dev, (supply * BigInt(spec.liquidity.tokenBps)) / 10000n, parseEther(String(spec.liquidity.eth)));
      t.pair = pair;
      t.locks = await this.handleLp(pair, dev, spec.lp);
      if (spec.before) await spec.before(this, t);
      t.activity = await this.activity(t.token, seed++ * 7919, spec.activity || {});
      t.evidence = spec.after ? (await spec.after(this, t)) || {} : {};
      this.tokens.push(t);
      this.log(`${spec.symbol.padEnd(8)} ${t.token.address}  pair ${pair.address}`);
    }
  }

  async finish() {
    await this.chain.rpc('anvil_removeBlockTimestampInterval');
  }
}

/** Deploys everything to the anvil at rpcUrl and returns the manifest object. */
async function deployAll({ rpcUrl, artifacts, log = console.log }) {
  const chain = new Chain(rpcUrl);
  const chainId = Number(await chain.rpc('eth_chainId'));
  if (chainId !== CHAIN_ID) throw new Error(`chain id ${chainId}, expected ${CHAIN_ID}`);
  const d = new Deployer(chain, artifacts, log);
  await d.setup();
  await d.infrastructure();
  await d.launchZoo();
  await d.finish();
  return buildManifest(d, { GENESIS_TIMESTAMP, BLOCK_INTERVAL, ETH_PRICE_USD, HARDFORK, CHAIN_ID });
}

module.exports = { deployAll, Deployer, ERC20_ABI, GENESIS_TIMESTAMP, ROLES, DEAD, ZERO, DEADLINE, MAX_UINT };

if (require.main === module) {
  // Usage: node scripts/deploy.js <rpcUrl> [manifestOut] — against an anvil started fresh with
  // the devnet's command line (scripts/start.js does all of this).
  (async () => {
    const { compileAll } = require('./compile');
    const rpcUrl = process.argv[2] || 'http://127.0.0.1:8545';
    const out = process.argv[3] || path.join(__dirname, '..', 'manifest.json');
    const manifest = await deployAll({ rpcUrl, artifacts: await compileAll() });
    fs.writeFileSync(out, JSON.stringify(manifest, null, 2) + '\n');
    console.log(`manifest: ${out}`);
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
