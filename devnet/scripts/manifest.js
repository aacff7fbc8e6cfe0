'use strict';
// Builds manifest.json from the deployed chain: every figure is read back from the chain
// (reserves, LP shares, holders), the behaviours come from the zoo definitions.
const { getAddress, keccak256, id } = require('ethers');
const { TRUSTED } = require('./zoo');

const TRANSFER_TOPIC = id('Transfer(address,address,uint256)');
const bps = (part, total) => (total === 0n ? 0 : Number((part * 10000n + total / 2n) / total));
const lower = (a) => a.toLowerCase();

async function tryRead(contract, fn, args = []) {
  try {
    return await contract.read(fn, args);
  } catch {
    return undefined;
  }
}

/** LP status of a pair: burned (0xdead and 0x0), locked (in the locker), unlocked (anyone else). */
async function lpStatus(d, pair, locks) {
  const total = await pair.read('totalSupply');
  const burned = (await pair.read('balanceOf', [d.DEAD])) + (await pair.read('balanceOf', [d.ZERO]));
  const locked = await pair.read('balanceOf', [d.locker.address]);
  const burnedBps = bps(burned, total);
  const lockedBps = bps(locked, total);
  const holders = await holderBalances(d, pair.address, [d.DEAD, d.ZERO, d.locker.address]);
  return {
    totalSupply: total.toString(),
    burnedBps,
    lockedBps,
    unlockedBps: 10000 - burnedBps - lockedBps,
    locks: locks.map((l) => ({
      locker: d.locker.address, lockId: l.lockId, owner: l.owner, amount: l.amount.toString(), percentBps: bps(l.amount, total), unlockTime: l.unlockTime,
    })),
    unlockedHolders: holders.map((h) => ({ address: h.address, percentBps: bps(h.balance, total) })),
  };
}

/** Balances of every address seen in the token's Transfer logs, excluding the given ones. */
async function holderBalances(d, token, exclude) {
  const logs = await d.chain.rpc('eth_getLogs', [{ address: token, topics: [TRANSFER_TOPIC], fromBlock: '0x0', toBlock: 'latest' }]);
  const seen = new Set();
  for (const l of logs) {
    if (l.topics.length < 3) continue;
    seen.add(getAddress('0x' + l.topics[1].slice(26)));
    seen.add(getAddress('0x' + l.topics[2].slice(26)));
  }
  const skip = new Set(exclude.map(lower));
  const erc = d.erc20(token);
  const out = [];
  for (const a of [...seen].sort()) {
    if (skip.has(lower(a))) continue;
    const balance = await erc.read('balanceOf', [a]);
    if (balance > 0n) out.push({ address: a, balance });
  }
  out.sort((x, y) => (y.balance > x.balance ? 1 : y.balance < x.balance ? -1 : x.address.localeCompare(y.address)));
  return out;
}

async function describeToken(d, spec, contract, pair, locks, t, ethUsd) {
  const erc = d.erc20(contract.address, spec.symbol);
  const [decimals, totalSupply] = [Number(await erc.read('decimals')), await erc.read('totalSupply')];
  const owner = await tryRead(erc, 'owner');
  const wethRes = await d.weth.read('balanceOf', [pair.address]);
  const tokenRes = await erc.read('balanceOf', [pair.address]);
  const lp = await lpStatus(d, pair, locks);
  const holders = await holderBalances(d, contract.address, [d.DEAD, d.ZERO, pair.address, d.locker.address]);
  const top10 = holders.slice(0, 10).reduce((s, h) => s + h.balance, 0n);
  const dev = d.role(spec.deployer);
  const devBal = holders.find((h) => h.address === dev)?.balance || 0n;

  const behaviours = spec.behaviours(d, t || contract).slice();
  if (lp.burnedBps > 0) behaviours.push({ code: 'lp_burned', percent_bps: lp.burnedBps });
  for (const l of lp.locks) behaviours.push({ code: 'lp_locked', percent_bps: l.percentBps, locker: l.locker, lock_id: l.lockId, unlock_time: l.unlockTime });
  if (lp.unlockedBps > 0) behaviours.push({ code: 'lp_unlocked', percent_bps: lp.unlockedBps, holders: lp.unlockedHolders.map((h) => h.address) });
  const top10Bps = bps(top10, totalSupply);
  if (spec.concentrated) behaviours.push({ code: 'concentrated_holders', top10_bps: top10Bps });

  const art = contract.artifact;
  return {
    key: spec.key,
    address: contract.address,
    name: spec.name,
    symbol: spec.symbol,
    decimals,
    totalSupply: totalSupply.toString(),
    solidity: art.compiler.split('+')[0],
    source: art.sourceName,
    contract: art.contractName,
    style: spec.style,
    deployer: dev,
    owner: owner === undefined ? null : owner,
    trusted: !!spec.trusted,
    launchBlock: t ? t.launchBlock : Number(contract.receipt.blockNumber),
    pools: [{
      dex: 'uniswap-v2',
      pair: pair.address,
      quoteToken: d.weth.address,
      reserves: { token: tokenRes.toString(), quote: wethRes.toString() },
      liquidityUsd: Math.round((Number(wethRes) / 1e18) * ethUsd * 2),
      lp,
    }],
    holders: {
      method: 'addresses from Transfer logs, balanceOf now, excluding 0x0, 0xdead, pools and the locker',
      count: holders.length,
      top10Bps,
      deployerBps: bps(devBal, totalSupply),
      top: holders.slice(0, 10).map((h) => ({ address: h.address, percentBps: bps(h.balance, totalSupply) })),
    },
    behaviours,
    mustNotReport: spec.mustNotReport,
    expectedRisk: spec.expectedRisk,
    acceptableRisks: spec.acceptableRisks,
    ...(spec.note ? { note: spec.note } : {}),
  };
}

async function buildManifest(d, { GENESIS_TIMESTAMP, BLOCK_INTERVAL, HARDFORK, CHAIN_ID }) {
  const dusdPair = await d.pairOf(d.dusd);
  const dusdRes = await d.dusd.read('balanceOf', [dusdPair.address]);
  const wethRes = await d.weth.read('balanceOf', [dusdPair.address]);
  const ethUsd = Number(dusdRes) / 1e6 / (Number(wethRes) / 1e18);
  const pairInitCodeHash = keccak256(d.pairArtifact.bytecode);

  const tokens = [];
  for (const spec of TRUSTED) {
    const c = d[spec.handle];
    tokens.push(await describeToken(d, spec, c, await d.pairOf(c), [], undefined, ethUsd));
  }
  for (const t of d.tokens) tokens.push(await describeToken(d, t.spec, t.contract, t.pair, t.locks, t, ethUsd));

  const roles = {};
  for (const [name, i] of Object.entries(d.ROLES)) roles[name] = d.accounts[i];
  const head = await d.chain.latestBlock();
  return {
    schema: 1,
    chainId: CHAIN_ID,
    network: 'devnet',
    rpcUrl: 'http://127.0.0.1:8545',
    hardfork: HARDFORK,
    genesisTimestamp: GENESIS_TIMESTAMP,
    deployment: { blockInterval: BLOCK_INTERVAL, lastBlock: Number(head.number), lastTimestamp: Number(head.timestamp) },
    mnemonic: 'test test test test test test test test test test test junk',
    accounts: { ...roles, holders: d.holders },
    contracts: {
      weth: d.weth.address,
      uniswapV2Factory: d.factory.address,
      uniswapV2Router02: d.router.address,
      uniswapV2PairInitCodeHash: pairInitCodeHash,
      multicall3: d.multicall.address,
      liquidityLocker: d.locker.address,
    },
    stablecoin: {
      address: d.dusd.address,
      symbol: 'DUSD',
      decimals: 6,
      pair: dusdPair.address,
      ethPriceUsd: Math.round(ethUsd * 100) / 100,
    },
    ethPriceUsd: Math.round(ethUsd * 100) / 100,
    burnAddresses: [d.ZERO, d.DEAD],
    tokens,
  };
}

module.exports = { buildManifest, holderBalances, lpStatus, TRANSFER_TOPIC };
