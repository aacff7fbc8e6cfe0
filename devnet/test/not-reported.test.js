'use strict';
// Proves the negative claims of the manifest: a token whose mustNotReport lists a code really
// does not have that behaviour for an ordinary wallet (no honeypot, no measurable tax, ...).
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { parseEther } = require('ethers');
const { startDevnet, isolated } = require('./helpers');

const manifest = require('../manifest.json');
const TAX_TOLERANCE_BPS = 50;
let dn;

before(async () => {
  dn = await startDevnet();
});
after(async () => {
  await dn?.close();
});

const has = (t, code) => t.behaviours.some((b) => b.code === code);

describe('what must not be reported is really absent', () => {
  for (const t of manifest.tokens) {
    const not = new Set(t.mustNotReport);
    if (not.has('honeypot') && !has(t, 'trading_not_enabled')) {
      it(`${t.symbol}: a fresh wallet buys and sells (not a honeypot)`, () => isolated(dn.chain, async () => {
        const h = await dn.trader.holder(t.address, parseEther('0.05'), 'not-honeypot');
        const s = await dn.trader.sell(t.address, h.who, h.balance / 2n);
        assert.ok(s.ok, 'sell succeeded');
        assert.ok(s.received * 20n >= s.expected, `sell returned ${s.received} of ${s.expected} quoted`);
      }));
    }
    if (not.has('buy_tax') && !has(t, 'trading_not_enabled')) {
      it(`${t.symbol}: no buy tax`, () => isolated(dn.chain, async () => {
        const h = await dn.trader.holder(t.address, parseEther('0.05'), 'no-buy-tax');
        assert.ok(Math.abs(h.buy.taxBps) <= TAX_TOLERANCE_BPS, `buy tax ${h.buy.taxBps} bps`);
      }));
    }
    if (not.has('sell_tax') && !has(t, 'trading_not_enabled')) {
      it(`${t.symbol}: no sell tax for an ordinary wallet`, () => isolated(dn.chain, async () => {
        const h = await dn.trader.holder(t.address, parseEther('0.05'), 'no-sell-tax');
        const s = await dn.trader.sell(t.address, h.who, h.balance / 2n);
        assert.ok(s.ok);
        assert.ok(Math.abs(s.taxBps) <= TAX_TOLERANCE_BPS, `sell tax ${s.taxBps} bps`);
      }));
    }
    if (not.has('transfer_tax') && !has(t, 'trading_not_enabled')) {
      it(`${t.symbol}: wallet transfers arrive whole`, () => isolated(dn.chain, async () => {
        const h = await dn.trader.holder(t.address, parseEther('0.05'), 'no-transfer-tax');
        const to = await dn.trader.fresh('no-transfer-tax-to');
        await dn.trader.transfer(t.address, h.who, to, h.balance / 2n);
        assert.equal(await dn.trader.token(t.address).read('balanceOf', [to]), h.balance / 2n);
      }));
    }
    if (not.has('ownership_renounced')) {
      it(`${t.symbol}: not credited as renounced`, async () => {
        const hidden = has(t, 'hidden_owner') || has(t, 'fake_renounce');
        assert.ok(t.owner !== '0x0000000000000000000000000000000000000000' || hidden,
          'owner() is 0x0 only where a hidden owner or a take-back exists');
      });
    }
    it(`${t.symbol}: behaviours and mustNotReport do not overlap`, () => {
      const overlap = t.behaviours.map((b) => b.code).filter((c) => not.has(c));
      assert.deepEqual(overlap, []);
    });
  }
});
