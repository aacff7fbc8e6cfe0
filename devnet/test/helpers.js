'use strict';
// Test support: a private devnet on a free port (never 8545) and a trader that buys, sells and
// measures taxes through the Uniswap V2 router from fresh impersonated wallets.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { getAddress, keccak256, toUtf8Bytes, parseEther } = require('ethers');
const { start, stop } = require('../scripts/start');
const { freePort } = require('../scripts/lib/anvil');
const { Chain } = require('../scripts/lib/chain');
const { ERC20_ABI, DEADLINE, MAX_UINT } = require('../scripts/deploy');

const ROUTER_ABI = [
  'function getAmountsOut(uint256 amountIn, address[] path) view returns (uint256[])',
  'function getAmountsIn(uint256 amountOut, address[] path) view returns (uint256[])',
  'function swapExactETHForTokensSupportingFeeOnTransferTokens(uint256 amountOutMin, address[] path, address to, uint256 deadline) payable',
  'function swapExactTokensForETHSupportingFeeOnTransferTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
];
const PAIR_ABI = [
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address) view returns (uint256)',
  'function getReserves() view returns (uint112, uint112, uint32)',
  'function token0() view returns (address)',
];

async function startDevnet() {
  const port = await freePort();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'devnet-test-'));
  const manifestPath = path.join(runDir, 'manifest.json');
  const r = await start({ port, runDir, manifest: manifestPath, log: () => {} });
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const chain = new Chain(r.rpcUrl);
  return {
    port,
    url: r.rpcUrl,
    pid: r.pid,
    manifest,
    chain,
    trader: new Trader(chain, manifest),
    async close() {
      await stop({ runDir, log: () => {} });
      fs.rmSync(runDir, { recursive: true, force: true });
    },
  };
}

/** Runs fn inside an EVM snapshot so every check starts from the deployed zoo. */
async function isolated(chain, fn) {
  const snap = await chain.snapshot();
  try {
    return await fn();
  } finally {
    await chain.revert(snap);
  }
}

const labelAddress = (label) => getAddress('0x' + keccak256(toUtf8Bytes(`kaizen-devnet-test:${label}`)).slice(26));
const bpsOf = (part, whole) => (whole === 0n ? 0 : Number((part * 10000n) / whole));

class Trader {
  constructor(chain, manifest) {
    this.chain = chain;
    this.manifest = manifest;
    this.weth = manifest.contracts.weth;
    this.router = chain.at(manifest.contracts.uniswapV2Router02, ROUTER_ABI, 'router');
    this.counter = 0;
  }

  token(address) {
    return this.chain.at(address, ERC20_ABI, address);
  }

  pair(address) {
    return this.chain.at(address, PAIR_ABI, address);
  }

  /** A never-used wallet with 1,000 ETH that the node lets us send from. */
  async fresh(label = 'wallet') {
    const a = labelAddress(`${label}:${this.counter++}:${Date.now()}`);
    await this.chain.impersonate(a, parseEther('1000'));
    return a;
  }

  async act(address) {
    await this.chain.impersonate(address, parseEther('1000'));
    return address;
  }

  async ethSpent(receipt) {
    return BigInt(receipt.gasUsed) * BigInt(receipt.effectiveGasPrice);
  }

  /** Buys with ethAmount; returns the receipt, tokens received and tokens the pool quoted. */
  async buy(tokenAddress, who, ethAmount, { allowRevert = false } = {}) {
    const token = this.token(tokenAddress);
    const path = [this.weth, tokenAddress];
    const expected = (await this.router.read('getAmountsOut', [ethAmount, path]))[1];
    const before = await token.read('balanceOf', [who]);
    const receipt = await this.router.send(who, 'swapExactETHForTokensSupportingFeeOnTransferTokens', [0, path, who, DEADLINE],
      { value: ethAmount, gas: 1_000_000n, allowRevert });
    const received = (await token.read('balanceOf', [who])) - before;
    return { receipt, ok: receipt.status === '0x1', received, expected, taxBps: 10000 - bpsOf(received, expected) };
  }

  /** Sells amount; returns the receipt, ETH received (gas added back) and ETH the pool quoted. */
  async sell(tokenAddress, who, amount, { allowRevert = false } = {}) {
    const token = this.token(tokenAddress);
    const allowance = await token.read('allowance', [who, this.router.address]);
    if (allowance < amount) await token.send(who, 'approve', [this.router.address, MAX_UINT], { gas: 200_000n });
    const path = [tokenAddress, this.weth];
    const expected = (await this.router.read('getAmountsOut', [amount, path]))[1];
    const before = await this.chain.balance(who);
    const receipt = await this.router.send(who, 'swapExactTokensForETHSupportingFeeOnTransferTokens', [amount, 0, path, who, DEADLINE],
      { gas: 1_000_000n, allowRevert });
    const received = (await this.chain.balance(who)) - before + (await this.ethSpent(receipt));
    return { receipt, ok: receipt.status === '0x1', received, expected, taxBps: 10000 - bpsOf(received, expected) };
  }

  /** A fresh wallet that bought for ethAmount. */
  async holder(tokenAddress, ethAmount = parseEther('0.05'), label = 'holder') {
    const who = await this.fresh(label);
    const b = await this.buy(tokenAddress, who, ethAmount);
    if (!b.ok || b.received === 0n) throw new Error(`${label}: buy of ${tokenAddress} failed`);
    return { who, balance: await this.token(tokenAddress).read('balanceOf', [who]), buy: b };
  }

  async transfer(tokenAddress, from, to, amount, { allowRevert = false } = {}) {
    return this.token(tokenAddress).send(from, 'transfer', [to, amount], { gas: 300_000n, allowRevert });
  }
}

module.exports = { startDevnet, isolated, Trader, labelAddress, bpsOf, ROUTER_ABI, PAIR_ABI, ERC20_ABI };
