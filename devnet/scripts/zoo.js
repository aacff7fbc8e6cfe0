'use strict';
// The token zoo: how each token is deployed, launched and used, and what it is (its behaviours
// in the vocabulary documented in README.md). Order matters: it fixes every address.
const { parseEther, parseUnits } = require('ethers');

const LOCK_UNTIL_2029 = 1861920000; // 2029-01-01T00:00:00Z
const LOCK_UNTIL_2030 = 1893456000; // 2030-01-01T00:00:00Z

const NORMAL = { buyers: 8, minEth: 0.1, maxEth: 1.5, transfers: 3, sells: 3 };
const HONEYPOT = { buyers: 8, minEth: 0.1, maxEth: 1.2, transfers: 2, failedSells: 2 };

const fn = (c, signature) => ({ selector: c.selector(signature), signature });

// Codes a detector must never report for a token that is plainly what it looks like.
const ALL_RISK_CODES = [
  'honeypot', 'buy_tax', 'sell_tax', 'transfer_tax', 'tax_modifiable', 'per_address_tax', 'max_tx', 'max_wallet',
  'trading_cooldown', 'pausable', 'trading_not_enabled', 'blacklist', 'mint', 'hidden_mint', 'mint_after_launch',
  'balance_rewrite', 'siphoned_holder', 'fake_renounce', 'hidden_owner', 'upgradeable_proxy', 'minimal_proxy',
  'deprecation_forwarding', 'selfdestruct', 'external_call_in_transfer', 'same_bytecode_as',
];

const supply = (n, decimals = 18) => parseUnits(String(n), decimals);

const ZOO = [
  {
    key: 'clean_renounced_burned',
    contract: 'KaizenCleanToken', name: 'Kaizen Clean', symbol: 'KZC', deployer: 'cleanDev',
    style: 'OpenZeppelin ERC20 + Ownable; ownership renounced after launch; all LP tokens burned',
    deploy: (d, dev) => d.deploy(dev, 'KaizenCleanToken', [supply(1e9)]),
    liquidity: { tokenBps: 9000, eth: 20 },
    lp: { burnBps: 10000 },
    activity: NORMAL,
    after: async (d, t) => { await t.contract.send(t.dev, 'renounceOwnership'); },
    behaviours: () => [{ code: 'ownership_renounced' }],
    mustNotReport: ALL_RISK_CODES.concat(['lp_unlocked', 'lp_locked', 'concentrated_holders']),
    expectedRisk: 'Low Risk', acceptableRisks: ['Low Risk'],
    note: 'The control: any finding above severity info is a false positive.',
  },
  {
    key: 'honeypot_whitelist_v06',
    contract: 'HoneyMoon', name: 'HoneyMoon', symbol: 'HNYM', deployer: 'scammer',
    style: 'hand-rolled 0.6 meme token (SafeMath, Context); only fee-excluded wallets may sell, the revert message blames maxTxAmount',
    deploy: (d, dev) => d.deploy(dev, 'HoneyMoon', ['HoneyMoon', 'HNYM', d.router.address, supply(1e15, 9)]),
    liquidity: { tokenBps: 9500, eth: 10 },
    lp: {},
    activity: HONEYPOT,
    behaviours: (d, t) => [{ code: 'honeypot', kind: 'sell_reverts', exempt: [t.dev] }],
    mustNotReport: ['ownership_renounced'],
    expectedRisk: 'Very High Risk', acceptableRisks: ['Very High Risk'],
  },
  {
    key: 'honeypot_whitelist_v06_copy',
    contract: 'HoneyMoon', name: 'HoneyMoon 2.0', symbol: 'HNYM2', deployer: 'scammer',
    style: 'byte-for-byte redeploy of HoneyMoon by the same deployer (clone of a known scam)',
    deploy: (d, dev) => d.deploy(dev, 'HoneyMoon', ['HoneyMoon 2.0', 'HNYM2', d.router.address, supply(1e15, 9)]),
    liquidity: { tokenBps: 9500, eth: 5 },
    lp: {},
    activity: { ...HONEYPOT, buyers: 5 },
    behaviours: (d, t) => {
      const original = d.tokens.find((x) => x.spec.key === 'honeypot_whitelist_v06');
      return [
        { code: 'honeypot', kind: 'sell_reverts', exempt: [t.dev] },
        { code: 'same_bytecode_as', key: original.spec.key, address: original.token.address },
      ];
    },
    mustNotReport: ['ownership_renounced'],
    expectedRisk: 'Very High Risk', acceptableRisks: ['Very High Risk'],
  },
  {
    key: 'honeypot_autoflag_v05',
    contract: 'ShibaRocket', name: 'Shiba Rocket', symbol: 'SROCKET', deployer: 'scammer',
    style: 'hand-rolled 0.5 token, no owner() at all; every wallet that buys from the pair is silently flagged and can never move tokens again',
    deploy: (d, dev) => d.deploy(dev, 'ShibaRocket', [d.router.address, supply(1e12)]),
    liquidity: { tokenBps: 9000, eth: 8 },
    lp: {},
    activity: { buyers: 6, minEth: 0.1, maxEth: 1, transfers: 1, transfersMayFail: true, failedSells: 2 },
    behaviours: (d, t) => [{ code: 'honeypot', kind: 'sell_reverts', exempt: [t.dev] }],
    mustNotReport: ['ownership_renounced'],
    expectedRisk: 'Very High Risk', acceptableRisks: ['Very High Risk'],
  },
  {
    key: 'honeypot_hook_v08',
    contract: 'PepeGold', name: 'Pepe Gold', symbol: 'PGOLD', deployer: 'scammer',
    style: 'OpenZeppelin 5 ERC20 with an _update override that reverts sells with ERC20InsufficientBalance; LP burned to look safe',
    deploy: (d, dev) => d.deploy(dev, 'PepeGold', [d.router.address, supply(420690000000)]),
    liquidity: { tokenBps: 9500, eth: 12 },
    lp: { burnBps: 10000 },
    activity: HONEYPOT,
    behaviours: (d, t) => [{ code: 'honeypot', kind: 'sell_reverts', exempt: [t.dev] }],
    mustNotReport: [],
    expectedRisk: 'Very High Risk', acceptableRisks: ['Very High Risk'],
    note: 'LP burned does not make a honeypot safe.',
  },
  {
    key: 'honeypot_balance_trap_v08',
    contract: 'MoonVault', name: 'Moon Vault', symbol: 'MVAULT', deployer: 'scammer',
    style: 'hand-rolled 0.8 token; a sell "succeeds" and emits Transfer(seller, pair, amount) but the pair is credited 1/10000 of it',
    deploy: (d, dev) => d.deploy(dev, 'MoonVault', [d.router.address, d.role('vault'), supply(1e9)]),
    liquidity: { tokenBps: 9000, eth: 10 },
    lp: {},
    activity: { buyers: 6, minEth: 0.1, maxEth: 1, transfers: 1, sells: 2 },
    behaviours: (d, t) => [{ code: 'honeypot', kind: 'sell_returns_nothing', received_bps_max: 10 }],
    mustNotReport: ['ownership_renounced'],
    expectedRisk: 'Very High Risk', acceptableRisks: ['Very High Risk'],
  },
  {
    key: 'sell_tax_fixed_v06',
    contract: 'DogeCash', name: 'Doge Cash', symbol: 'DCASH', deployer: 'taxDev',
    style: 'hand-rolled 0.6 token with constant 3% buy / 25% sell fees to a marketing wallet; renounced; LP burned',
    deploy: (d, dev) => d.deploy(dev, 'DogeCash', [d.router.address, d.role('marketing')]),
    liquidity: { tokenBps: 8500, eth: 15 },
    lp: { burnBps: 10000 },
    activity: NORMAL,
    after: async (d, t) => { await t.contract.send(t.dev, 'renounceOwnership'); },
    behaviours: () => [
      { code: 'buy_tax', value_bps: 300 },
      { code: 'sell_tax', value_bps: 2500 },
      { code: 'ownership_renounced' },
    ],
    mustNotReport: ['honeypot', 'transfer_tax', 'tax_modifiable', 'mint', 'hidden_owner'],
    expectedRisk: 'High Risk', acceptableRisks: ['Moderate Risk', 'High Risk'],
  },
  {
    key: 'extreme_tax_raised_v08',
    contract: 'TurboInu', name: 'Turbo Inu', symbol: 'TINU', deployer: 'taxDev',
    style: 'OpenZeppelin 5 ERC20; launched at 5%/5%, owner raised the sell fee to 90% after holders bought',
    deploy: (d, dev) => d.deploy(dev, 'TurboInu', [d.router.address, d.role('marketing'), supply(1e9)]),
    liquidity: { tokenBps: 9000, eth: 10 },
    lp: {},
    activity: { ...NORMAL, sells: 2 },
    after: async (d, t) => {
      const r = await t.contract.send(t.dev, 'updateFees', [500, 9000]);
      const who = t.activity.buyers[0];
      const s = await d.sell(t.token, who, (await t.token.read('balanceOf', [who])) / 2n);
      return { feesRaisedTx: r.transactionHash, taxedSellTx: s.transactionHash };
    },
    behaviours: (d, t) => [
      { code: 'buy_tax', value_bps: 500 },
      { code: 'sell_tax', value_bps: 9000 },
      { code: 'tax_modifiable', ...fn(t.contract, 'updateFees(uint256,uint256)'), by: t.dev, max_bps: 10000 },
    ],
    mustNotReport: ['honeypot', 'ownership_renounced'],
    expectedRisk: 'Very High Risk', acceptableRisks: ['Very High Risk'],
  },
  {
    key: 'modifiable_tax_v05',
    contract: 'SafeGalaxy', name: 'Safe Galaxy', symbol: 'SGLX', deployer: 'taxDev',
    style: 'SafeMoon-named 0.5 token: 2% tax + 3% liquidity fee on every transfer, setTaxFeePercent/setLiquidityFeePercent without any cap; LP fully locked',
    deploy: (d, dev) => d.deploy(dev, 'SafeGalaxy', [d.router.address]),
    liquidity: { tokenBps: 9000, eth: 8 },
    lp: { lock: [{ bps: 10000, until: LOCK_UNTIL_2029 }] },
    activity: NORMAL,
    behaviours: (d, t) => [
      { code: 'buy_tax', value_bps: 500 },
      { code: 'sell_tax', value_bps: 500 },
      { code: 'transfer_tax', value_bps: 500 },
      { code: 'tax_modifiable', ...fn(t.contract, 'setTaxFeePercent(uint256)'), by: t.dev, max_bps: null },
      { code: 'tax_modifiable', ...fn(t.contract, 'setLiquidityFeePercent(uint256)'), by: t.dev, max_bps: null },
    ],
    mustNotReport: ['honeypot', 'ownership_renounced'],
    expectedRisk: 'High Risk', acceptableRisks: ['Moderate Risk', 'High Risk'],
  },
  {
    key: 'per_address_tax_v08',
    contract: 'AlphaDog', name: 'Alpha Dog', symbol: 'ADOG', deployer: 'taxDev',
    style: 'hand-rolled 0.8 token (own Context/Ownable, 9 decimals); "loyalty tiers" are a per-wallet sell tax the owner sets, 0 for everyone by default',
    deploy: (d, dev) => d.deploy(dev, 'AlphaDog', [d.router.address, d.role('rewardPool')]),
    liquidity: { tokenBps: 9000, eth: 6 },
    lp: {},
    activity: { ...NORMAL, sells: 2 },
    after: async (d, t) => {
      const victim = t.activity.buyers[0];
      await t.contract.send(t.dev, 'setRewardTier', [victim, 5000]);
      const s = await d.sell(t.token, victim, (await t.token.read('balanceOf', [victim])) / 2n);
      return { taxedWallet: victim, taxedSellTx: s.transactionHash };
    },
    behaviours: (d, t) => [
      { code: 'per_address_tax', ...fn(t.contract, 'setRewardTier(address,uint16)'), by: t.dev, max_bps: 10000, taxed: [{ address: t.evidence.taxedWallet, value_bps: 5000 }] },
    ],
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'transfer_tax', 'ownership_renounced'],
    expectedRisk: 'High Risk', acceptableRisks: ['Moderate Risk', 'High Risk'],
    note: 'A fresh wallet pays no tax: sell_tax for it is a false positive; the capability is per_address_tax.',
  },
  {
    key: 'max_tx_wallet_v06',
    contract: 'FlokiMax', name: 'Floki Max', symbol: 'FMAX', deployer: 'limitsDev',
    style: 'hand-rolled 0.6 anti-whale token: max 1% of supply per trade, max 2% per wallet, both settable by the owner (to 0)',
    deploy: (d, dev) => d.deploy(dev, 'FlokiMax', [d.router.address]),
    liquidity: { tokenBps: 9000, eth: 10 },
    lp: { burnBps: 10000 },
    activity: { buyers: 8, minEth: 0.02, maxEth: 0.08, transfers: 2, sells: 3 },
    behaviours: (d, t) => [
      { code: 'max_tx', amount: supply(1e7).toString(), bps_of_supply: 100, modifiable: true, ...fn(t.contract, 'setMaxTxPercent(uint256)'), by: t.dev },
      { code: 'max_wallet', amount: supply(2e7).toString(), bps_of_supply: 200, modifiable: true, ...fn(t.contract, 'setMaxWalletPercent(uint256)'), by: t.dev },
    ],
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'ownership_renounced'],
    expectedRisk: 'Moderate Risk', acceptableRisks: ['Moderate Risk', 'High Risk'],
  },
  {
    key: 'sell_cooldown_v08',
    contract: 'SpeedCat', name: 'Speed Cat', symbol: 'SCAT', deployer: 'limitsDev',
    style: 'OpenZeppelin 5 ERC20; one sell per wallet per 60 s ("anti-bot cooldown")',
    deploy: (d, dev) => d.deploy(dev, 'SpeedCat', [d.router.address, supply(1e9)]),
    liquidity: { tokenBps: 9000, eth: 8 },
    lp: { burnBps: 10000 },
    activity: NORMAL,
    after: async (d, t) => {
      const who = t.activity.buyers[0];
      const bal = await t.token.read('balanceOf', [who]);
      const first = await d.sell(t.token, who, bal / 4n);
      const second = await d.sell(t.token, who, bal / 4n, { allowRevert: true });
      if (second.status !== '0x0') throw new Error('SCAT: second sell inside the cooldown should revert');
      return { firstSellTx: first.transactionHash, cooldownRevertTx: second.transactionHash };
    },
    behaviours: (d, t) => [
      { code: 'trading_cooldown', seconds: 60, scope: 'sell', ...fn(t.contract, 'setCooldown(bool,uint256)'), by: t.dev },
    ],
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'ownership_renounced'],
    expectedRisk: 'Moderate Risk', acceptableRisks: ['Moderate Risk', 'High Risk'],
    note: 'The first sell after a buy works; a second one within 60 s reverts; after 60 s it works again. Not a honeypot.',
  },
  {
    key: 'pausable_v08',
    contract: 'ReefPay', name: 'Reef Pay', symbol: 'REEFP', deployer: 'limitsDev',
    style: 'OpenZeppelin 5 ERC20Pausable; the owner can stop every transfer; currently unpaused; LP locked',
    deploy: (d, dev) => d.deploy(dev, 'ReefPay', [supply(5e8)]),
    liquidity: { tokenBps: 8000, eth: 10 },
    lp: { lock: [{ bps: 10000, until: LOCK_UNTIL_2030 }] },
    activity: NORMAL,
    behaviours: (d, t) => [{ code: 'pausable', ...fn(t.contract, 'pause()'), by: t.dev, paused: false }],
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'ownership_renounced'],
    expectedRisk: 'Moderate Risk', acceptableRisks: ['Moderate Risk', 'High Risk'],
  },
  {
    key: 'trading_not_enabled_v06',
    contract: 'LaunchPadX', name: 'LaunchPad X', symbol: 'LPX', deployer: 'limitsDev',
    style: 'hand-rolled 0.6 token; pool funded but trading closed until the owner calls openTrading(); presale wallets hold tokens they cannot sell',
    deploy: (d, dev) => d.deploy(dev, 'LaunchPadX', [d.router.address]),
    liquidity: { tokenBps: 7000, eth: 5 },
    lp: {},
    before: async (d, t) => {
      for (let i = 0; i < 6; i++) await t.token.send(t.dev, 'transfer', [d.holder(2 + i * 2), supply(5e6 + i * 1e6)]);
    },
    activity: { buyers: 2, minEth: 0.5, maxEth: 1, buysFail: true },
    behaviours: (d, t) => [{ code: 'trading_not_enabled', ...fn(t.contract, 'openTrading()'), by: t.dev }],
    mustNotReport: ['honeypot', 'ownership_renounced'],
    expectedRisk: 'High Risk', acceptableRisks: ['High Risk', 'Very High Risk'],
    note: 'Must be reported as "cannot buy" (trading not enabled), not as a honeypot.',
  },
  {
    key: 'blacklist_v06',
    contract: 'BullRun', name: 'Bull Run', symbol: 'BULL', deployer: 'privDev',
    style: 'hand-rolled 0.6 token; blacklist named setBotProtection(address[],bool), blocked wallets get a fake "exceeds balance" error',
    deploy: (d, dev) => d.deploy(dev, 'BullRun', [d.router.address]),
    liquidity: { tokenBps: 9000, eth: 10 },
    lp: {},
    activity: NORMAL,
    after: async (d, t) => {
      const victim = t.activity.buyers[1];
      const r = await t.contract.send(t.dev, 'setBotProtection', [[victim], true]);
      const s = await d.sell(t.token, victim, (await t.token.read('balanceOf', [victim])) / 2n, { allowRevert: true });
      if (s.status !== '0x0') throw new Error('BULL: blacklisted sell should revert');
      return { blacklisted: victim, blacklistTx: r.transactionHash, blockedSellTx: s.transactionHash };
    },
    behaviours: (d, t) => [{ code: 'blacklist', ...fn(t.contract, 'setBotProtection(address[],bool)'), by: t.dev, listed: [t.evidence.blacklisted] }],
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'ownership_renounced'],
    expectedRisk: 'High Risk', acceptableRisks: ['High Risk', 'Very High Risk'],
  },
  {
    key: 'owner_mint_v08',
    contract: 'GemFinder', name: 'Gem Finder', symbol: 'GEM', deployer: 'privDev',
    style: 'OpenZeppelin 5 ERC20 + Ownable with a plain mint(address,uint256); the owner minted 5% after launch',
    deploy: (d, dev) => d.deploy(dev, 'GemFinder', [supply(1e8)]),
    liquidity: { tokenBps: 9000, eth: 10 },
    lp: { burnBps: 5000 },
    activity: NORMAL,
    after: async (d, t) => {
      const r = await t.contract.send(t.dev, 'mint', [t.dev, supply(5e6)]);
      return { mintTx: r.transactionHash, mintBlock: Number(r.blockNumber), mintAmount: supply(5e6).toString() };
    },
    behaviours: (d, t) => [
      { code: 'mint', ...fn(t.contract, 'mint(address,uint256)'), by: t.dev },
      { code: 'mint_after_launch', tx: t.evidence.mintTx, block: t.evidence.mintBlock, amount: t.evidence.mintAmount, to: t.dev },
    ],
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'hidden_mint', 'ownership_renounced'],
    expectedRisk: 'High Risk', acceptableRisks: ['Moderate Risk', 'High Risk'],
  },
  {
    key: 'hidden_mint_silent_v05',
    contract: 'EternalYield', name: 'Eternal Yield', symbol: 'EYLD', deployer: 'privDev',
    style: '0.5 OpenZeppelin-2-style ERC20/ERC20Detailed/Ownable; rebalanceRewards(address,uint256) grows supply and a balance with no Transfer event; the owner used it and sold',
    deploy: (d, dev) => d.deploy(dev, 'EternalYield', [supply(1e9)]),
    liquidity: { tokenBps: 9000, eth: 10 },
    lp: {},
    activity: NORMAL,
    after: async (d, t) => {
      const r = await t.contract.send(t.dev, 'rebalanceRewards', [t.dev, supply(1e8)]);
      const s = await d.sell(t.token, t.dev, supply(1e7));
      return { inflationTx: r.transactionHash, inflationAmount: supply(1e8).toString(), dumpTx: s.transactionHash };
    },
    behaviours: (d, t) => [
      { code: 'hidden_mint', ...fn(t.contract, 'rebalanceRewards(address,uint256)'), by: t.dev, emits_transfer: false, used: { tx: t.evidence.inflationTx, amount: t.evidence.inflationAmount } },
    ],
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'ownership_renounced'],
    expectedRisk: 'High Risk', acceptableRisks: ['High Risk', 'Very High Risk'],
    note: 'No mint(address,uint256) selector; totalSupply exceeds the sum of Transfer-event mints.',
  },
  {
    key: 'hidden_mint_distributor_v08',
    contract: 'YieldForge', name: 'Yield Forge', symbol: 'YFORGE', deployer: 'privDev',
    style: 'OpenZeppelin 5 ERC20; ownership renounced, but a private _distributor set in the constructor can call processRewardClaims(uint256), which mints',
    deploy: (d, dev) => d.deploy(dev, 'YieldForge', [supply(1e9)]),
    liquidity: { tokenBps: 9000, eth: 10 },
    lp: { burnBps: 10000 },
    activity: NORMAL,
    after: async (d, t) => {
      const r = await t.contract.send(t.dev, 'processRewardClaims', [supply(2e7)]);
      await t.contract.send(t.dev, 'renounceOwnership');
      return { mintTx: r.transactionHash, mintBlock: Number(r.blockNumber), mintAmount: supply(2e7).toString() };
    },
    behaviours: (d, t) => [
      { code: 'hidden_mint', ...fn(t.contract, 'processRewardClaims(uint256)'), by: t.dev, emits_transfer: true },
      { code: 'mint_after_launch', tx: t.evidence.mintTx, block: t.evidence.mintBlock, amount: t.evidence.mintAmount, to: t.dev },
      { code: 'hidden_owner', address: t.dev, location: 'storage', slot: slotOf(t.contract.artifact, '_distributor'), powers: ['hidden_mint'] },
    ],
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'ownership_renounced'],
    expectedRisk: 'High Risk', acceptableRisks: ['High Risk', 'Very High Risk'],
    note: 'owner() is 0x0 but the distributor keeps minting power: "renounced" must not be credited.',
  },
  {
    key: 'balance_rewrite_v06',
    contract: 'CryptoKittyCoin', name: 'Crypto Kitty Coin', symbol: 'CKC', deployer: 'privDev',
    style: 'hand-rolled 0.6 token; syncHolderSnapshot(address,uint256) "airdrop bookkeeping" writes any balance with no Transfer event; the owner moved a holder\'s tokens to itself',
    deploy: (d, dev) => d.deploy(dev, 'CryptoKittyCoin', []),
    liquidity: { tokenBps: 9000, eth: 10 },
    lp: {},
    activity: NORMAL,
    after: async (d, t) => {
      const victim = t.activity.buyers[0];
      const amount = await t.token.read('balanceOf', [victim]);
      const r1 = await t.contract.send(t.dev, 'syncHolderSnapshot', [victim, 0]);
      const devBal = await t.token.read('balanceOf', [t.dev]);
      await t.contract.send(t.dev, 'syncHolderSnapshot', [t.dev, devBal + amount]);
      return { victim, amount: amount.toString(), tx: r1.transactionHash };
    },
    behaviours: (d, t) => [
      { code: 'balance_rewrite', ...fn(t.contract, 'syncHolderSnapshot(address,uint256)'), by: t.dev, kind: 'set' },
      { code: 'siphoned_holder', holder: t.evidence.victim, amount: t.evidence.amount, tx: t.evidence.tx, by: t.dev },
    ],
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'ownership_renounced'],
    expectedRisk: 'Very High Risk', acceptableRisks: ['Very High Risk'],
  },
  {
    key: 'fake_renounce_lock_v06',
    contract: 'SafeMarsClassic', name: 'SafeMars Classic', symbol: 'SMARS', deployer: 'ownerDev',
    style: 'SafeMoon-fork 0.6 Ownable with lock(uint256)/unlock(): owner() reads 0x0 after lock(), the previous owner takes it back with unlock(); untaxed now, setTaxFeePercent uncapped after take-back',
    deploy: (d, dev) => d.deploy(dev, 'SafeMarsClassic', [d.router.address]),
    liquidity: { tokenBps: 9000, eth: 10 },
    lp: { burnBps: 10000 },
    activity: NORMAL,
    after: async (d, t) => {
      const r = await t.contract.send(t.dev, 'lock', [3600]);
      return { lockTx: r.transactionHash, unlockTime: Number(await t.contract.read('getUnlockTime')) };
    },
    behaviours: (d, t) => [
      { code: 'fake_renounce', ...fn(t.contract, 'unlock()'), by: t.dev, unlock_time: t.evidence.unlockTime, slot: slotOf(t.contract.artifact, '_previousOwner') },
      { code: 'tax_modifiable', ...fn(t.contract, 'setTaxFeePercent(uint256)'), by: t.dev, max_bps: null, requires: 'fake_renounce' },
    ],
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'transfer_tax', 'ownership_renounced'],
    expectedRisk: 'High Risk', acceptableRisks: ['Moderate Risk', 'High Risk', 'Very High Risk'],
  },
  {
    key: 'hidden_owner_slot_v08',
    contract: 'QuantumAI', name: 'Quantum AI', symbol: 'QAI', deployer: 'ownerDev',
    style: 'OpenZeppelin 5 ERC20; renounced, but a private _swapKeeper (no getter) can set buy/sell fees to anything via setSwapParameters(uint256,uint256)',
    deploy: (d, dev) => d.deploy(dev, 'QuantumAI', [d.router.address, d.role('keeper'), supply(1e9)]),
    liquidity: { tokenBps: 9000, eth: 10 },
    lp: { burnBps: 10000 },
    activity: NORMAL,
    after: async (d, t) => { await t.contract.send(t.dev, 'renounceOwnership'); },
    behaviours: (d, t) => [
      { code: 'buy_tax', value_bps: 300 },
      { code: 'sell_tax', value_bps: 300 },
      { code: 'hidden_owner', address: d.role('keeper'), location: 'storage', slot: slotOf(t.contract.artifact, '_swapKeeper'), powers: ['tax_modifiable'] },
      { code: 'tax_modifiable', ...fn(t.contract, 'setSwapParameters(uint256,uint256)'), by: d.role('keeper'), max_bps: 10000 },
    ],
    mustNotReport: ['honeypot', 'ownership_renounced'],
    expectedRisk: 'High Risk', acceptableRisks: ['High Risk', 'Very High Risk'],
  },
  {
    key: 'hidden_owner_push20_v06',
    contract: 'ElonRocket', name: 'Elon Rocket', symbol: 'EROCKET', deployer: 'ownerDev',
    style: 'hand-rolled 0.6 token; renounced, but a hard-coded constant address (PUSH20) can move any holder\'s tokens to itself via claimDividends(address,uint256) — and did',
    deploy: (d, dev) => d.deploy(dev, 'ElonRocket', [d.router.address]),
    liquidity: { tokenBps: 9000, eth: 10 },
    lp: { burnBps: 10000 },
    activity: NORMAL,
    after: async (d, t) => {
      await t.contract.send(t.dev, 'renounceOwnership');
      const victim = t.activity.buyers[0];
      const amount = (await t.token.read('balanceOf', [victim])) / 2n;
      const r = await t.contract.send(d.role('hiddenDev'), 'claimDividends', [victim, amount]);
      return { victim, amount: amount.toString(), tx: r.transactionHash };
    },
    behaviours: (d, t) => [
      { code: 'hidden_owner', address: d.role('hiddenDev'), location: 'bytecode', powers: ['balance_rewrite'] },
      { code: 'balance_rewrite', ...fn(t.contract, 'claimDividends(address,uint256)'), by: d.role('hiddenDev'), kind: 'move' },
      { code: 'siphoned_holder', holder: t.evidence.victim, amount: t.evidence.amount, tx: t.evidence.tx, by: d.role('hiddenDev') },
    ],
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'ownership_renounced'],
    expectedRisk: 'Very High Risk', acceptableRisks: ['Very High Risk'],
  },
  {
    key: 'upgradeable_proxy_v08',
    contract: 'NovaFinanceProxy', name: 'Nova Finance', symbol: 'NOVA', deployer: 'infraDev',
    style: 'OpenZeppelin 5 TransparentUpgradeableProxy (EIP-1967) in front of a hand-rolled initializable token; a V2 with freeze() is deployed and waiting',
    deploy: async (d, dev) => {
      const v1 = await d.deploy(dev, 'NovaTokenV1');
      const v2 = await d.deploy(dev, 'NovaTokenV2');
      const init = v1.encode('initialize', ['Nova Finance', 'NOVA', supply(1e9), dev]);
      const proxy = await d.deploy(dev, 'NovaFinanceProxy', [v1.address, dev, init]);
      const adminChanged = proxy.receipt.logs.find((l) => l.topics[0] === '0x7e644d79422f17c01e4894b5f4f588d331ebfa28653d42ae832dc59e38c9798f');
      const token = d.chain.at(proxy.address, d.art('NovaTokenV1').abi, 'NOVA');
      token.artifact = proxy.artifact;
      token.extra = { implementation: v1.address, upgradeCandidate: v2.address, proxyAdmin: '0x' + adminChanged.data.slice(-40) };
      return token;
    },
    liquidity: { tokenBps: 9000, eth: 10 },
    lp: {},
    activity: NORMAL,
    behaviours: (d, t) => [{
      code: 'upgradeable_proxy', standard: 'EIP-1967', kind: 'transparent',
      implementation: t.contract.extra.implementation, admin: checksum(t.contract.extra.proxyAdmin), admin_owner: t.dev,
      upgrade_candidate: t.contract.extra.upgradeCandidate,
    }],
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'ownership_renounced'],
    expectedRisk: 'Moderate Risk', acceptableRisks: ['Moderate Risk', 'High Risk'],
  },
  {
    key: 'minimal_proxy_clone_v08',
    contract: 'LaunchpadToken', name: 'Clone Ape', symbol: 'CAPE', deployer: 'infraDev',
    style: 'EIP-1167 minimal proxy created by a launchpad factory (OpenZeppelin Clones) over a plain initializable token; owner renounced, LP burned',
    deploy: async (d, dev) => {
      const template = await d.deploy(dev, 'LaunchpadToken');
      const pad = await d.deploy(dev, 'TokenLaunchpad', [template.address]);
      const r = await pad.send(dev, 'launch', ['Clone Ape', 'CAPE', supply(1e9)]);
      const [ev] = pad.logs(r, 'TokenLaunched');
      const token = d.chain.at(ev.token, template.iface, 'CAPE');
      token.artifact = template.artifact;
      token.extra = { implementation: template.address, factory: pad.address };
      return token;
    },
    liquidity: { tokenBps: 9000, eth: 5 },
    lp: { burnBps: 10000 },
    activity: NORMAL,
    after: async (d, t) => { await t.contract.send(t.dev, 'renounceOwnership'); },
    behaviours: (d, t) => [
      { code: 'minimal_proxy', standard: 'EIP-1167', implementation: t.contract.extra.implementation, factory: t.contract.extra.factory },
      { code: 'ownership_renounced' },
    ],
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'mint', 'hidden_mint', 'upgradeable_proxy', 'lp_unlocked'],
    expectedRisk: 'Low Risk', acceptableRisks: ['Low Risk', 'Moderate Risk'],
    note: 'A clone of an immutable, plain template: the proxy is a capability to report as info, not an upgrade risk.',
  },
  {
    key: 'selfdestruct_v06',
    contract: 'PonziYield', name: 'Ponzi Yield', symbol: 'PYLD', deployer: 'infraDev',
    style: 'hand-rolled 0.6 token holding a "yield pool" of ETH; emergencyShutdown() selfdestructs to the owner',
    deploy: (d, dev) => d.deploy(dev, 'PonziYield', []),
    liquidity: { tokenBps: 8000, eth: 5 },
    lp: {},
    activity: NORMAL,
    after: async (d, t) => {
      for (let i = 0; i < 3; i++) await d.chain.sendTx({ from: t.activity.buyers[i], to: t.token.address, value: parseEther(String(1 + i)), gas: 100000n });
    },
    behaviours: (d, t) => [{ code: 'selfdestruct', ...fn(t.contract, 'emergencyShutdown()'), by: t.dev }],
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'ownership_renounced'],
    expectedRisk: 'High Risk', acceptableRisks: ['Moderate Risk', 'High Risk'],
  },
  {
    key: 'external_call_guard_v08',
    contract: 'GuardianShield', name: 'Guardian Shield', symbol: 'GSHLD', deployer: 'infraDev',
    style: 'OpenZeppelin 5 ERC20 whose every transfer calls onTransfer(address,address,uint256) on an unverified "anti-MEV guard"; the guard\'s operator can make it refuse sells',
    deploy: async (d, dev) => {
      const guard = await d.deploy(dev, 'ShieldGuard', [dev]);
      const token = await d.deploy(dev, 'GuardianShield', [d.router.address, guard.address, supply(1e9)]);
      token.extra = { guard };
      return token;
    },
    liquidity: { tokenBps: 9000, eth: 8 },
    lp: { lock: [{ bps: 10000, until: LOCK_UNTIL_2029 }] },
    before: async (d, t) => { await t.contract.extra.guard.send(t.dev, 'configure', [t.pair.address, false]); },
    activity: NORMAL,
    behaviours: (d, t) => [{
      code: 'external_call_in_transfer', target: t.contract.extra.guard.address, selector: t.contract.extra.guard.selector('onTransfer(address,address,uint256)'),
      verified: false, can_block_sells: true, by: t.dev,
    }],
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'ownership_renounced'],
    expectedRisk: 'High Risk', acceptableRisks: ['Moderate Risk', 'High Risk'],
  },
  {
    key: 'lp_locked_v08',
    contract: 'StableHarbor', name: 'Stable Harbor', symbol: 'HARBOR', deployer: 'cleanDev',
    style: 'OpenZeppelin 5 ERC20 + Burnable + Ownable (owner has no powers); 80% of LP in the timelock locker until 2030, 20% unlocked',
    deploy: (d, dev) => d.deploy(dev, 'StableHarbor', [supply(1e8)]),
    liquidity: { tokenBps: 9000, eth: 25 },
    lp: { lock: [{ bps: 8000, until: LOCK_UNTIL_2030 }] },
    activity: NORMAL,
    behaviours: () => [],
    mustNotReport: ALL_RISK_CODES.concat(['ownership_renounced']),
    expectedRisk: 'Low Risk', acceptableRisks: ['Low Risk', 'Moderate Risk'],
  },
  {
    key: 'lp_unlocked_v05',
    contract: 'QuickFlip', name: 'Quick Flip', symbol: 'QFLIP', deployer: 'plainDev',
    style: '0.5 OpenZeppelin-2-style plain token; nothing wrong in the code, but the deployer holds 100% of the LP (can pull liquidity)',
    deploy: (d, dev) => d.deploy(dev, 'QuickFlip', [supply(1e9)]),
    liquidity: { tokenBps: 9000, eth: 6 },
    lp: {},
    activity: NORMAL,
    behaviours: () => [],
    mustNotReport: ALL_RISK_CODES.concat(['ownership_renounced']),
    expectedRisk: 'Moderate Risk', acceptableRisks: ['Moderate Risk', 'High Risk'],
  },
  {
    key: 'concentrated_holders_v08',
    contract: 'WhaleClub', name: 'Whale Club', symbol: 'WHALE', deployer: 'plainDev',
    style: 'OpenZeppelin 5 ERC20, renounced; four team wallets got 53% of supply; LP 50% burned / 30% locked / 20% unlocked',
    deploy: (d, dev) => d.deploy(dev, 'WhaleClub', [supply(1e9)]),
    liquidity: { tokenBps: 3000, eth: 10 },
    lp: { burnBps: 5000, lock: [{ bps: 3000, until: LOCK_UNTIL_2029 }] },
    before: async (d, t) => {
      const shares = [2000n, 1500n, 1000n, 800n];
      for (let i = 0; i < shares.length; i++) await t.token.send(t.dev, 'transfer', [d.holder(12 + i), (supply(1e9) * shares[i]) / 10000n]);
    },
    activity: { buyers: 6, minEth: 0.05, maxEth: 0.3, transfers: 1, sells: 1 },
    after: async (d, t) => { await t.contract.send(t.dev, 'renounceOwnership'); },
    behaviours: () => [{ code: 'ownership_renounced' }],
    concentrated: true,
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'mint', 'hidden_owner'],
    expectedRisk: 'High Risk', acceptableRisks: ['Moderate Risk', 'High Risk'],
  },
];

// Tokens deployed with the infrastructure, meant to be trusted (a scanner's trust list).
const TRUSTED = [
  {
    key: 'stablecoin_dusd',
    handle: 'dusd', contract: 'DevnetUSD', name: 'Devnet USD', symbol: 'DUSD', deployer: 'admin', trusted: true,
    style: 'OpenZeppelin 5 ERC20, 6 decimals, fixed supply, no admin; its WETH pool prices ETH at 3,000 USD',
    behaviours: () => [],
    mustNotReport: ALL_RISK_CODES.concat(['ownership_renounced']),
    expectedRisk: 'Low Risk', acceptableRisks: ['Low Risk'],
  },
  {
    key: 'trusted_usdt_like_v05',
    handle: 'usdt', contract: 'TetherToken', name: 'Tether USD', symbol: 'USDT', deployer: 'admin', trusted: true,
    style: 'USDT-style 0.5 contract: pause, blacklist + destroyBlackFunds, issue/redeem, capped fee (setParams < 20 bps), deprecate() forwarding; transfer/approve return nothing',
    behaviours: (d, c) => [
      { code: 'blacklist', ...fn(c, 'addBlackList(address)'), by: d.role('admin'), listed: [] },
      { code: 'pausable', ...fn(c, 'pause()'), by: d.role('admin'), paused: false },
      { code: 'mint', ...fn(c, 'issue(uint256)'), by: d.role('admin') },
      { code: 'balance_rewrite', ...fn(c, 'destroyBlackFunds(address)'), by: d.role('admin'), kind: 'burn_blacklisted' },
      { code: 'tax_modifiable', ...fn(c, 'setParams(uint256,uint256)'), by: d.role('admin'), max_bps: 19 },
      { code: 'deprecation_forwarding', ...fn(c, 'deprecate(address)'), by: d.role('admin') },
    ],
    mustNotReport: ['honeypot', 'buy_tax', 'sell_tax', 'transfer_tax', 'hidden_mint', 'hidden_owner', 'siphoned_holder', 'fake_renounce', 'selfdestruct', 'external_call_in_transfer'],
    expectedRisk: 'Low Risk', acceptableRisks: ['Low Risk'],
    note: 'Every capability is real and expected for a fiat-backed stablecoin: the trust list softens them, nothing here is evidence.',
  },
];

function slotOf(artifact, label) {
  const entry = artifact.storageLayout.storage.find((s) => s.label === label);
  if (!entry) throw new Error(`${artifact.contractName}: no storage variable ${label}`);
  return Number(entry.slot);
}

function checksum(a) {
  return require('ethers').getAddress(a);
}

module.exports = { ZOO, TRUSTED, ALL_RISK_CODES, LOCK_UNTIL_2029, LOCK_UNTIL_2030, slotOf };
