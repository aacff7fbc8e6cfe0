'use strict';
// Proves every behaviour the manifest claims, for real, against the running chain: each
// (token, behaviour) pair is one test, run inside an EVM snapshot from fresh wallets.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { Interface, parseEther, getAddress } = require('ethers');
const { startDevnet, isolated, bpsOf } = require('./helpers');
const { holderBalances } = require('../scripts/manifest');

const TAX_TOLERANCE_BPS = 50; // ±0.5 %
const ZERO = '0x0000000000000000000000000000000000000000';
const EIP1967_IMPL = '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc';
const EIP1967_ADMIN = '0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103';
const PUSH4_MINT_SELECTOR = '6340c10f19'; // PUSH4 mint(address,uint256)

const manifest = require('../manifest.json');
let dn;

before(async () => {
  dn = await startDevnet();
});
after(async () => {
  await dn?.close();
});

/** Calls a privileged function by its manifest selector/signature as the given account. */
async function callAs(who, token, signature, args, { allowRevert = false } = {}) {
  const iface = new Interface([`function ${signature}`]);
  await dn.trader.act(who);
  return dn.chain.sendTx({ from: who, to: token.address, data: iface.encodeFunctionData(signature.split('(')[0], args), gas: 1_000_000n },
    { allowRevert, description: signature });
}

const addr20 = (word) => getAddress('0x' + word.slice(-40));
const read = (address, signature, args = []) => {
  const name = signature.split('(')[0];
  const c = dn.chain.at(address, [`function ${signature}`], address);
  return c.read(name, args);
};

/** Measured sell tax of a fresh wallet (buy, then sell half). */
async function freshSellTax(token, label) {
  const h = await dn.trader.holder(token.address, parseEther('0.05'), label);
  const s = await dn.trader.sell(token.address, h.who, h.balance / 2n);
  assert.ok(s.ok, `${token.symbol}: sell by a fresh wallet reverted`);
  return s.taxBps;
}

/** The previous owner reclaims a "renounced" token once its lock time has passed. */
async function takeBack(t, fake) {
  const now = Number((await dn.chain.latestBlock()).timestamp);
  if (now <= fake.unlock_time) await dn.chain.increaseTime(fake.unlock_time - now + 1);
  await callAs(fake.by, t, fake.signature, []);
}

function near(actual, expected, tolerance, what) {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: measured ${actual} bps, manifest ${expected} bps (±${tolerance})`);
}

const CHECKS = {
  async honeypot(t, b) {
    const h = await dn.trader.holder(t.address, parseEther('0.05'), 'honeypot-buyer');
    if (b.kind === 'sell_reverts') {
      const s = await dn.trader.sell(t.address, h.who, h.balance / 2n, { allowRevert: true });
      assert.equal(s.receipt.status, '0x0', 'the sell should revert');
      for (const exempt of b.exempt || []) {
        await dn.trader.act(exempt);
        const bal = await dn.trader.token(t.address).read('balanceOf', [exempt]);
        const e = await dn.trader.sell(t.address, exempt, bal / 1000n);
        assert.ok(e.ok, `exempt ${exempt} can sell`);
      }
    } else if (b.kind === 'sell_returns_nothing') {
      const s = await dn.trader.sell(t.address, h.who, h.balance / 2n);
      assert.ok(s.ok, 'the sell transaction succeeds');
      assert.ok(bpsOf(s.received, s.expected) <= b.received_bps_max,
        `received ${s.received} wei of ${s.expected} quoted (> ${b.received_bps_max} bps)`);
    } else {
      assert.fail(`unknown honeypot kind ${b.kind}`);
    }
  },

  async buy_tax(t, b) {
    const h = await dn.trader.holder(t.address, parseEther('0.05'), 'buy-tax');
    near(h.buy.taxBps, b.value_bps, TAX_TOLERANCE_BPS, 'buy tax');
  },

  async sell_tax(t, b) {
    near(await freshSellTax(t, 'sell-tax'), b.value_bps, TAX_TOLERANCE_BPS, 'sell tax');
  },

  async transfer_tax(t, b) {
    const h = await dn.trader.holder(t.address, parseEther('0.05'), 'transfer-tax');
    const to = await dn.trader.fresh('transfer-tax-to');
    const amount = h.balance / 2n;
    await dn.trader.transfer(t.address, h.who, to, amount);
    const got = await dn.trader.token(t.address).read('balanceOf', [to]);
    near(10000 - bpsOf(got, amount), b.value_bps, TAX_TOLERANCE_BPS, 'wallet transfer tax');
  },

  async tax_modifiable(t, b) {
    if (b.signature === 'setParams(uint256,uint256)') {
      // USDT-style: the fee is capped by the contract itself.
      const capped = await callAs(b.by, t, b.signature, [20, 10], { allowRevert: true });
      assert.equal(capped.status, '0x0', 'a fee at the cap is refused');
      await callAs(b.by, t, b.signature, [b.max_bps, 49]);
      const h = await dn.trader.holder(t.address, parseEther('0.5'), 'usdt-fee');
      const to = await dn.trader.fresh('usdt-fee-to');
      const amount = h.balance / 2n;
      await dn.trader.transfer(t.address, h.who, to, amount);
      const got = await dn.trader.token(t.address).read('balanceOf', [to]);
      near(10000 - bpsOf(got, amount), b.max_bps, 1, 'capped transfer fee');
      return;
    }
    if (b.requires) await takeBack(t, t.behaviours.find((x) => x.code === b.requires));
    const beforeBps = await freshSellTax(t, 'tax-before');
    const args = { 'updateFees(uint256,uint256)': [500, 9900], 'setSwapParameters(uint256,uint256)': [0, 6000] }[b.signature] || [60];
    await callAs(b.by, t, b.signature, args);
    const afterBps = await freshSellTax(t, 'tax-after');
    assert.ok(afterBps >= 5500 && afterBps - beforeBps >= 500, `sell tax ${beforeBps} -> ${afterBps} bps after ${b.signature}`);
  },

  async per_address_tax(t, b) {
    const victim = await dn.trader.holder(t.address, parseEther('0.05'), 'tier-victim');
    await callAs(b.by, t, b.signature, [victim.who, 7000]);
    const s = await dn.trader.sell(t.address, victim.who, victim.balance / 2n);
    near(s.taxBps, 7000, TAX_TOLERANCE_BPS, 'targeted wallet sell tax');
    near(await freshSellTax(t, 'tier-bystander'), 0, TAX_TOLERANCE_BPS, 'untargeted wallet sell tax');
    for (const taxed of b.taxed || []) {
      await dn.trader.act(taxed.address);
      const bal = await dn.trader.token(t.address).read('balanceOf', [taxed.address]);
      const ts = await dn.trader.sell(t.address, taxed.address, bal / 10n);
      near(ts.taxBps, taxed.value_bps, TAX_TOLERANCE_BPS, `tax of ${taxed.address}`);
    }
  },

  async max_tx(t, b) {
    const amount = BigInt(b.amount);
    const path = [dn.manifest.contracts.weth, t.address];
    const tooMuch = (await dn.trader.router.read('getAmountsIn', [(amount * 12n) / 10n, path]))[0];
    const whale = await dn.trader.fresh('max-tx');
    assert.equal((await dn.trader.buy(t.address, whale, tooMuch, { allowRevert: true })).receipt.status, '0x0', 'a buy above max tx reverts');
    const fine = (await dn.trader.router.read('getAmountsIn', [(amount * 8n) / 10n, path]))[0];
    assert.ok((await dn.trader.buy(t.address, whale, fine)).ok, 'a buy below max tx works');
    if (b.modifiable) {
      await callAs(b.by, t, b.signature, [0]);
      const small = await dn.trader.fresh('max-tx-zero');
      assert.equal((await dn.trader.buy(t.address, small, parseEther('0.001'), { allowRevert: true })).receipt.status, '0x0',
        'max tx set to 0 blocks every trade');
    }
  },

  async max_wallet(t, b) {
    const cap = BigInt(b.amount);
    const path = [dn.manifest.contracts.weth, t.address];
    const who = await dn.trader.fresh('max-wallet');
    const slice = async () => (await dn.trader.router.read('getAmountsIn', [(cap * 45n) / 100n, path]))[0];
    assert.ok((await dn.trader.buy(t.address, who, await slice())).ok);
    assert.ok((await dn.trader.buy(t.address, who, await slice())).ok);
    assert.equal((await dn.trader.buy(t.address, who, await slice(), { allowRevert: true })).receipt.status, '0x0',
      'a buy that would pass the wallet cap reverts');
    if (b.modifiable) {
      await callAs(b.by, t, b.signature, [100]);
      assert.ok((await dn.trader.buy(t.address, who, await slice())).ok, 'the owner lifted the cap');
    }
  },

  async trading_cooldown(t, b) {
    const h = await dn.trader.holder(t.address, parseEther('0.05'), 'cooldown');
    assert.ok((await dn.trader.sell(t.address, h.who, h.balance / 4n)).ok, 'first sell works');
    const second = await dn.trader.sell(t.address, h.who, h.balance / 4n, { allowRevert: true });
    assert.equal(second.receipt.status, '0x0', 'second sell inside the cooldown reverts');
    await dn.chain.increaseTime(b.seconds + 1);
    assert.ok((await dn.trader.sell(t.address, h.who, h.balance / 4n)).ok, 'sell after the cooldown works');
  },

  async pausable(t, b) {
    const h = await dn.trader.holder(t.address, parseEther('0.05'), 'pause');
    const to = await dn.trader.fresh('pause-to');
    assert.equal(b.paused, false);
    await callAs(b.by, t, b.signature, []);
    assert.equal((await dn.trader.transfer(t.address, h.who, to, 1n, { allowRevert: true })).status, '0x0', 'transfers stop');
    assert.equal((await dn.trader.buy(t.address, to, parseEther('0.01'), { allowRevert: true })).receipt.status, '0x0', 'buys stop');
  },

  async trading_not_enabled(t, b) {
    const who = await dn.trader.fresh('not-enabled');
    assert.equal((await dn.trader.buy(t.address, who, parseEther('0.05'), { allowRevert: true })).receipt.status, '0x0', 'cannot buy yet');
    await callAs(b.by, t, b.signature, []);
    const h = await dn.trader.holder(t.address, parseEther('0.05'), 'after-open');
    assert.ok((await dn.trader.sell(t.address, h.who, h.balance / 2n)).ok, 'after opening, buys and sells work');
  },

  async blacklist(t, b) {
    const h = await dn.trader.holder(t.address, parseEther('0.1'), 'blacklisted');
    const to = await dn.trader.fresh('blacklist-to');
    const args = b.signature.includes('address[]') ? [[h.who], true] : [h.who];
    await callAs(b.by, t, b.signature, args);
    assert.equal((await dn.trader.transfer(t.address, h.who, to, 1n, { allowRevert: true })).status, '0x0', 'listed wallet cannot transfer');
    assert.equal((await dn.trader.sell(t.address, h.who, h.balance / 2n, { allowRevert: true })).receipt.status, '0x0', 'listed wallet cannot sell');
    for (const listed of b.listed) {
      await dn.trader.act(listed);
      assert.equal((await dn.trader.transfer(t.address, listed, to, 1n, { allowRevert: true })).status, '0x0', `${listed} is blocked on chain`);
    }
  },

  async mint(t, b) {
    const token = dn.trader.token(t.address);
    const supply0 = await token.read('totalSupply');
    const bal0 = await token.read('balanceOf', [b.by]);
    const amount = 10n ** BigInt(t.decimals) * 1000n;
    const args = b.signature.startsWith('mint(') ? [b.by, amount] : [amount];
    await callAs(b.by, t, b.signature, args);
    assert.equal(await token.read('totalSupply'), supply0 + amount, 'supply grew');
    assert.equal(await token.read('balanceOf', [b.by]), bal0 + amount, 'minted to the caller');
  },

  async hidden_mint(t, b) {
    const token = dn.trader.token(t.address);
    const code = await dn.chain.code(t.address);
    assert.ok(!code.includes(PUSH4_MINT_SELECTOR), 'no mint(address,uint256) selector in the dispatcher');
    const to = await dn.trader.fresh('hidden-mint-to');
    const amount = 10n ** BigInt(t.decimals) * 777n;
    const supply0 = await token.read('totalSupply');
    const args = b.signature.includes('address') ? [to, amount] : [amount];
    const receiver = b.signature.includes('address') ? to : b.by;
    const bal0 = await token.read('balanceOf', [receiver]);
    const receipt = await callAs(b.by, t, b.signature, args);
    assert.equal(await token.read('totalSupply'), supply0 + amount, 'supply grew');
    assert.equal(await token.read('balanceOf', [receiver]), bal0 + amount, 'a balance grew');
    const transferTopic = token.iface.getEvent('Transfer').topicHash;
    const mintLogs = receipt.logs.filter((l) => l.topics[0] === transferTopic && BigInt(l.topics[1]) === 0n);
    assert.equal(mintLogs.length > 0, b.emits_transfer, `emits Transfer(0x0, ...): ${b.emits_transfer}`);
  },

  async mint_after_launch(t, b) {
    const receipt = await dn.chain.rpc('eth_getTransactionReceipt', [b.tx]);
    assert.equal(receipt.status, '0x1');
    assert.ok(Number(receipt.blockNumber) > t.launchBlock, 'minted after the token launched');
    const token = dn.trader.token(t.address);
    const topic = token.iface.getEvent('Transfer').topicHash;
    const log = receipt.logs.find((l) => getAddress(l.address) === t.address && l.topics[0] === topic && BigInt(l.topics[1]) === 0n);
    assert.ok(log, 'Transfer from 0x0');
    assert.equal(addr20(log.topics[2]), b.to);
    assert.equal(BigInt(log.data), BigInt(b.amount));
  },

  async balance_rewrite(t, b) {
    const token = dn.trader.token(t.address);
    const victim = await dn.trader.holder(t.address, parseEther('0.1'), 'rewrite-victim');
    const supply0 = await token.read('totalSupply');
    if (b.kind === 'set') {
      await callAs(b.by, t, b.signature, [victim.who, 0]);
      assert.equal(await token.read('totalSupply'), supply0, 'supply untouched');
    } else if (b.kind === 'move') {
      const by0 = await token.read('balanceOf', [b.by]);
      await callAs(b.by, t, b.signature, [victim.who, victim.balance]);
      assert.equal(await token.read('balanceOf', [b.by]), by0 + victim.balance, 'moved to the privileged wallet');
    } else if (b.kind === 'burn_blacklisted') {
      await callAs(b.by, t, 'addBlackList(address)', [victim.who]);
      await callAs(b.by, t, b.signature, [victim.who]);
    } else {
      assert.fail(`unknown kind ${b.kind}`);
    }
    assert.equal(await token.read('balanceOf', [victim.who]), 0n, 'victim balance rewritten to 0 without the victim signing');
  },

  async siphoned_holder(t, b) {
    // Without archive state: the holder's balance is below what its Transfer logs add up to, or
    // the siphoning transaction (sent by someone else) moved its tokens.
    const receipt = await dn.chain.rpc('eth_getTransactionReceipt', [b.tx]);
    assert.equal(receipt.status, '0x1');
    assert.equal(getAddress(receipt.from), b.by);
    assert.notEqual(getAddress(receipt.from), b.holder, 'the holder did not send it');
    const token = dn.trader.token(t.address);
    const topic = token.iface.getEvent('Transfer').topicHash;
    const moved = receipt.logs.some((l) => getAddress(l.address) === t.address && l.topics[0] === topic
      && addr20(l.topics[1]) === b.holder && BigInt(l.data) === BigInt(b.amount));
    const logs = await dn.chain.rpc('eth_getLogs', [{ address: t.address, topics: [topic], fromBlock: '0x0', toBlock: 'latest' }]);
    let net = 0n;
    for (const l of logs) {
      if (addr20(l.topics[2]) === b.holder) net += BigInt(l.data);
      if (addr20(l.topics[1]) === b.holder) net -= BigInt(l.data);
    }
    const actual = await token.read('balanceOf', [b.holder]);
    assert.ok(moved || net - actual === BigInt(b.amount), `holder lost ${b.amount}: logged ${net}, holds ${actual}, moved in tx: ${moved}`);
  },

  async ownership_renounced(t) {
    assert.equal(await read(t.address, 'owner() view returns (address)'), ZERO);
  },

  async fake_renounce(t, b) {
    assert.equal(await read(t.address, 'owner() view returns (address)'), ZERO, 'owner() reads 0x0');
    assert.equal(addr20(await dn.chain.storageAt(t.address, b.slot)), b.by, 'previous owner kept in storage');
    await takeBack(t, b);
    assert.equal(await read(t.address, 'owner() view returns (address)'), b.by, 'ownership taken back');
  },

  async hidden_owner(t, b) {
    if (b.location === 'storage') {
      assert.equal(addr20(await dn.chain.storageAt(t.address, b.slot)), b.address, `slot ${b.slot} holds the hidden owner`);
    } else if (b.location === 'bytecode') {
      const code = (await dn.chain.code(t.address)).toLowerCase();
      assert.ok(code.includes('73' + b.address.slice(2).toLowerCase()), 'PUSH20 of the hidden owner in the runtime code');
    } else {
      assert.fail(`unknown location ${b.location}`);
    }
    const owner = await read(t.address, 'owner() view returns (address)').catch(() => ZERO);
    assert.notEqual(owner, b.address, 'the hidden owner is not owner()');
    for (const power of b.powers) assert.ok(t.behaviours.some((x) => x.code === power && x.by === b.address), `power ${power} is listed for ${b.address}`);
  },

  async upgradeable_proxy(t, b) {
    assert.equal(addr20(await dn.chain.storageAt(t.address, EIP1967_IMPL)), b.implementation, 'EIP-1967 implementation slot');
    assert.equal(addr20(await dn.chain.storageAt(t.address, EIP1967_ADMIN)), b.admin, 'EIP-1967 admin slot');
    assert.equal(await read(b.admin, 'owner() view returns (address)'), b.admin_owner, 'ProxyAdmin owner');
    await dn.trader.act(b.admin_owner);
    const admin = dn.chain.at(b.admin, ['function upgradeAndCall(address,address,bytes) payable'], 'ProxyAdmin');
    await admin.send(b.admin_owner, 'upgradeAndCall', [t.address, b.upgrade_candidate, '0x']);
    assert.equal(addr20(await dn.chain.storageAt(t.address, EIP1967_IMPL)), b.upgrade_candidate);
    assert.equal(await read(t.address, 'version() view returns (uint256)'), 2n, 'the upgrade took effect');
  },

  async minimal_proxy(t, b) {
    const code = (await dn.chain.code(t.address)).toLowerCase();
    assert.equal(code, `0x363d3d373d3d3d363d73${b.implementation.slice(2).toLowerCase()}5af43d82803e903d91602b57fd5bf3`);
  },

  async deprecation_forwarding(t, b) {
    const dusd = dn.manifest.stablecoin.address;
    await callAs(b.by, t, b.signature, [dusd]);
    assert.equal(await read(t.address, 'totalSupply() view returns (uint256)'), await read(dusd, 'totalSupply() view returns (uint256)'),
      'calls are forwarded to the new contract');
  },

  async selfdestruct(t, b) {
    const pool = await dn.chain.balance(t.address);
    assert.ok(pool > 0n, 'the contract holds ETH');
    await dn.trader.act(b.by);
    const before = await dn.chain.balance(b.by);
    const receipt = await callAs(b.by, t, b.signature, []);
    const trace = await dn.chain.rpc('debug_traceTransaction', [receipt.transactionHash, { tracer: 'callTracer' }]);
    assert.ok((trace.calls || []).some((c) => c.type === 'SELFDESTRUCT' && getAddress(c.to) === b.by), 'SELFDESTRUCT to the owner executed');
    const spent = BigInt(receipt.gasUsed) * BigInt(receipt.effectiveGasPrice);
    assert.equal(await dn.chain.balance(b.by), before + pool - spent, 'the ETH pool went to the owner');
    assert.equal(await dn.chain.balance(t.address), 0n);
  },

  async external_call_in_transfer(t, b) {
    const h = await dn.trader.holder(t.address, parseEther('0.05'), 'guarded');
    const to = await dn.trader.fresh('guarded-to');
    const data = dn.trader.token(t.address).encode('transfer', [to, 1n]);
    const trace = await dn.chain.rpc('debug_traceCall', [{ from: h.who, to: t.address, data, gas: '0x100000' }, 'latest', { tracer: 'callTracer' }]);
    const calls = [];
    const walk = (f) => { calls.push(f); (f.calls || []).forEach(walk); };
    walk(trace);
    assert.ok(calls.some((c) => c.to && getAddress(c.to) === b.target && c.input.startsWith(b.selector)), 'transfer calls the guard');
    const code = await dn.chain.code(b.target);
    assert.ok(code.length > 2, 'the guard is a contract');
    if (b.can_block_sells) {
      const pair = t.pools[0].pair;
      await dn.trader.act(b.by);
      const guard = dn.chain.at(b.target, ['function configure(address,bool)'], 'guard');
      await guard.send(b.by, 'configure', [pair, true]);
      assert.equal((await dn.trader.sell(t.address, h.who, h.balance / 2n, { allowRevert: true })).receipt.status, '0x0',
        'the guard can turn the token into a honeypot');
    }
  },

  async lp_burned(t, b) {
    const pair = dn.trader.pair(t.pools[0].pair);
    const total = await pair.read('totalSupply');
    const burned = (await pair.read('balanceOf', ['0x000000000000000000000000000000000000dEaD'])) + (await pair.read('balanceOf', [ZERO]));
    near(Math.round(Number((burned * 10000n) / total)), b.percent_bps, 1, 'LP burned share');
  },

  async lp_locked(t, b) {
    const locker = dn.chain.at(b.locker, [
      'function getLock(uint256) view returns (tuple(address token, address owner, uint256 amount, uint64 lockedAt, uint64 unlockTime, bool withdrawn))',
      'function withdraw(uint256)',
    ], 'locker');
    const l = await locker.read('getLock', [b.lock_id]);
    assert.equal(l.token, t.pools[0].pair);
    assert.equal(Number(l.unlockTime), b.unlock_time);
    assert.equal(l.withdrawn, false);
    const total = await dn.trader.pair(t.pools[0].pair).read('totalSupply');
    near(Math.round(Number((l.amount * 10000n) / total)), b.percent_bps, 1, 'LP locked share');
    await dn.trader.act(l.owner);
    const early = await locker.send(l.owner, 'withdraw', [b.lock_id], { allowRevert: true });
    assert.equal(early.status, '0x0', 'cannot withdraw before the unlock time');
  },

  async lp_unlocked(t, b) {
    const pair = dn.trader.pair(t.pools[0].pair);
    const total = await pair.read('totalSupply');
    let held = 0n;
    for (const h of b.holders) held += await pair.read('balanceOf', [h]);
    near(Math.round(Number((held * 10000n) / total)), b.percent_bps, 1, 'LP share held by EOAs');
  },

  async concentrated_holders(t, b) {
    const d = { chain: dn.chain, erc20: (a) => dn.trader.token(a) };
    const holders = await holderBalances(d, t.address, [ZERO, '0x000000000000000000000000000000000000dEaD', t.pools[0].pair, dn.manifest.contracts.liquidityLocker]);
    const supply = await dn.trader.token(t.address).read('totalSupply');
    const top10 = holders.slice(0, 10).reduce((s, h) => s + h.balance, 0n);
    near(bpsOf(top10, supply), b.top10_bps, 1, 'top-10 share');
    assert.ok(b.top10_bps >= 5000, 'top 10 hold at least half the supply');
  },

  async same_bytecode_as(t, b) {
    assert.notEqual(t.address, b.address);
    assert.equal(await dn.chain.code(t.address), await dn.chain.code(b.address));
  },
};

describe('every manifest behaviour holds on chain', () => {
  for (const t of manifest.tokens) {
    for (const b of t.behaviours) {
      it(`${t.symbol} ${b.code}${b.kind ? ` (${b.kind})` : ''}${b.signature ? ` ${b.signature}` : ''}`, async () => {
        const check = CHECKS[b.code];
        assert.ok(check, `no check for behaviour ${b.code}`);
        await isolated(dn.chain, () => check(t, b));
      });
    }
  }
});

module.exports = { CHECKS };
