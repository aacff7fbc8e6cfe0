'use strict';
// The committed manifest is what a deployment produces, speaks only the documented vocabulary,
// covers every pattern the zoo promises, and its figures match the running chain.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { getAddress } = require('ethers');
const { startDevnet } = require('./helpers');
const { VOCABULARY, RISK_LEVELS } = require('../scripts/vocabulary');

const committed = require('../manifest.json');
const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
let dn;

before(async () => {
  dn = await startDevnet();
});
after(async () => {
  await dn?.close();
});

const tokensWith = (code) => committed.tokens.filter((t) => t.behaviours.some((b) => b.code === code));

describe('manifest', () => {
  it('is exactly what the current sources deploy', () => {
    assert.deepEqual(dn.manifest, committed);
  });

  it('fixes chain id 31337 and the default RPC URL', async () => {
    assert.equal(committed.chainId, 31337);
    assert.equal(committed.rpcUrl, 'http://127.0.0.1:8545');
    assert.equal(Number(await dn.chain.rpc('eth_chainId')), 31337);
  });

  it('uses only documented behaviour codes, with their parameters', () => {
    for (const t of committed.tokens) {
      for (const b of t.behaviours) {
        const v = VOCABULARY[b.code];
        assert.ok(v, `${t.symbol}: unknown code ${b.code}`);
        const allowed = new Set(['code', ...v.params.map((p) => p.replace('?', ''))]);
        for (const k of Object.keys(b)) assert.ok(allowed.has(k), `${t.symbol} ${b.code}: undocumented parameter ${k}`);
        for (const p of v.params.filter((x) => !x.endsWith('?'))) assert.ok(p in b, `${t.symbol} ${b.code}: missing ${p}`);
      }
      for (const c of t.mustNotReport) assert.ok(VOCABULARY[c], `${t.symbol}: unknown mustNotReport code ${c}`);
    }
    for (const code of Object.keys(VOCABULARY)) assert.ok(readme.includes('`' + code + '`'), `README documents ${code}`);
  });

  it('gives every token a risk expectation', () => {
    for (const t of committed.tokens) {
      assert.ok(RISK_LEVELS.includes(t.expectedRisk), `${t.symbol}: ${t.expectedRisk}`);
      assert.ok(t.acceptableRisks.includes(t.expectedRisk), `${t.symbol}: acceptableRisks lacks expectedRisk`);
      if (t.behaviours.some((b) => b.code === 'honeypot' || b.code === 'siphoned_holder')) assert.deepEqual(t.acceptableRisks, ['Very High Risk']);
      if (t.behaviours.some((b) => b.code === 'sell_tax' && b.value_bps >= 5000)) assert.deepEqual(t.acceptableRisks, ['Very High Risk']);
    }
    const trusted = committed.tokens.filter((t) => t.trusted);
    assert.deepEqual(trusted.map((t) => t.symbol).sort(), ['DUSD', 'USDT']);
    for (const t of trusted) assert.equal(t.expectedRisk, 'Low Risk');
    const clean = committed.tokens.find((t) => t.key === 'clean_renounced_burned');
    assert.deepEqual(clean.behaviours.map((b) => b.code), ['ownership_renounced', 'lp_burned']);
  });

  it('covers every pattern the zoo promises, several in more than one Solidity version', () => {
    const required = ['honeypot', 'sell_tax', 'buy_tax', 'transfer_tax', 'tax_modifiable', 'per_address_tax', 'max_tx', 'max_wallet',
      'trading_cooldown', 'pausable', 'trading_not_enabled', 'blacklist', 'mint', 'hidden_mint', 'balance_rewrite', 'fake_renounce',
      'hidden_owner', 'upgradeable_proxy', 'minimal_proxy', 'selfdestruct', 'external_call_in_transfer', 'lp_burned', 'lp_locked',
      'lp_unlocked', 'concentrated_holders', 'ownership_renounced'];
    for (const code of required) assert.ok(tokensWith(code).length > 0, `no token with ${code}`);
    const versions = (code) => new Set(tokensWith(code).map((t) => t.solidity.slice(0, 3)));
    assert.deepEqual([...versions('honeypot')].sort(), ['0.5', '0.6', '0.8']);
    assert.ok(new Set(tokensWith('honeypot').map((b) => b.behaviours.find((x) => x.code === 'honeypot').kind)).size === 2);
    for (const code of ['sell_tax', 'tax_modifiable', 'hidden_mint', 'hidden_owner', 'balance_rewrite', 'blacklist']) {
      assert.ok(versions(code).size >= 2, `${code} appears in only ${[...versions(code)]}`);
    }
    const hiddenOwners = tokensWith('hidden_owner').map((t) => t.behaviours.find((b) => b.code === 'hidden_owner').location);
    assert.ok(hiddenOwners.includes('storage') && hiddenOwners.includes('bytecode'));
    const mintSel = '0x40c10f19';
    for (const t of tokensWith('hidden_mint')) assert.notEqual(t.behaviours.find((b) => b.code === 'hidden_mint').selector, mintSel);
  });

  it('has EIP-55 addresses and contract code everywhere it points', async () => {
    const addrs = [...Object.values(committed.contracts).filter((v) => v.length === 42), committed.stablecoin.address, committed.stablecoin.pair];
    for (const t of committed.tokens) addrs.push(t.address, ...t.pools.map((p) => p.pair));
    for (const a of addrs) {
      assert.equal(a, getAddress(a));
      assert.ok((await dn.chain.code(a)).length > 2, `no code at ${a}`);
    }
  });

  it('prices ETH from the stablecoin pool', async () => {
    const pair = dn.trader.pair(committed.stablecoin.pair);
    const [r0, r1] = await pair.read('getReserves');
    const token0 = await pair.read('token0');
    const [usd, eth] = token0 === committed.stablecoin.address ? [r0, r1] : [r1, r0];
    const price = Number(usd) / 10 ** committed.stablecoin.decimals / (Number(eth) / 1e18);
    assert.equal(Math.round(price * 100) / 100, committed.ethPriceUsd);
    assert.equal(committed.ethPriceUsd, 3000);
  });

  it('matches the chain: decimals, supply, owner, reserves, LP supply', async () => {
    for (const t of committed.tokens) {
      const token = dn.trader.token(t.address);
      assert.equal(Number(await token.read('decimals')), t.decimals, t.symbol);
      assert.equal((await token.read('totalSupply')).toString(), t.totalSupply, t.symbol);
      const owner = await token.read('owner').catch(() => null);
      assert.equal(owner, t.owner, `${t.symbol} owner`);
      const p = t.pools[0];
      assert.equal((await token.read('balanceOf', [p.pair])).toString(), p.reserves.token, `${t.symbol} reserve`);
      assert.equal((await dn.trader.token(committed.contracts.weth).read('balanceOf', [p.pair])).toString(), p.reserves.quote);
      assert.equal((await dn.trader.pair(p.pair).read('totalSupply')).toString(), p.lp.totalSupply);
      assert.equal(p.lp.burnedBps + p.lp.lockedBps + p.lp.unlockedBps, 10000);
    }
  });

  it('keeps holder activity on chain: several holders per traded token, one concentrated token', () => {
    for (const t of committed.tokens.filter((x) => !x.trusted && !x.behaviours.some((b) => b.code === 'trading_not_enabled'))) {
      assert.ok(t.holders.count >= 6, `${t.symbol}: ${t.holders.count} holders`);
    }
    const concentrated = tokensWith('concentrated_holders');
    assert.equal(concentrated.length, 1);
    assert.ok(concentrated[0].holders.top10Bps >= 5000);
  });
});
