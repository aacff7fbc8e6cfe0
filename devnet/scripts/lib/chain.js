'use strict';
// A small JSON-RPC client for anvil: transactions are sent from anvil's unlocked dev accounts
// (or impersonated ones) with explicit gas limits, so no signing and no gas estimation are involved.
const { Interface, AbiCoder, getAddress } = require('ethers');

const DEFAULT_GAS = 1_500_000n;
const DEPLOY_GAS = 8_000_000n;

class RpcError extends Error {
  constructor(method, error) {
    super(`${method}: ${error.message}${error.data ? ` (${typeof error.data === 'string' ? error.data : JSON.stringify(error.data)})` : ''}`);
    this.rpcError = error;
  }
}

class TxFailed extends Error {
  constructor(description, receipt, reason) {
    super(`${description} reverted${reason ? `: ${reason}` : ''} (tx ${receipt.transactionHash})`);
    this.receipt = receipt;
    this.reason = reason;
  }
}

const hex = (n) => '0x' + BigInt(n).toString(16);

class Chain {
  constructor(url) {
    this.url = url;
    this.nextId = 1;
  }

  async rpc(method, params = []) {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: this.nextId++, method, params }),
    });
    const body = await res.json();
    if (body.error) throw new RpcError(method, body.error);
    return body.result;
  }

  async accounts() {
    return (await this.rpc('eth_accounts')).map((a) => getAddress(a));
  }

  async blockNumber() {
    return Number(await this.rpc('eth_blockNumber'));
  }

  async latestBlock() {
    return this.rpc('eth_getBlockByNumber', ['latest', false]);
  }

  async balance(address, block = 'latest') {
    return BigInt(await this.rpc('eth_getBalance', [address, block]));
  }

  async code(address) {
    return this.rpc('eth_getCode', [address, 'latest']);
  }

  async storageAt(address, slot) {
    return this.rpc('eth_getStorageAt', [address, hex(slot), 'latest']);
  }

  /** Sends a transaction and waits for its receipt (anvil mines it at once). */
  async sendTx({ from, to, data = '0x', value = 0n, gas = DEFAULT_GAS }, { allowRevert = false, description = 'transaction' } = {}) {
    const tx = { from, data, value: hex(value), gas: hex(gas) };
    if (to) tx.to = to;
    const hash = await this.rpc('eth_sendTransaction', [tx]);
    let receipt = await this.rpc('eth_getTransactionReceipt', [hash]);
    for (let i = 0; !receipt && i < 200; i++) {
      await new Promise((r) => setTimeout(r, 10));
      receipt = await this.rpc('eth_getTransactionReceipt', [hash]);
    }
    if (!receipt) throw new Error(`${description}: no receipt for ${hash}`);
    if (receipt.status !== '0x1' && !allowRevert) {
      throw new TxFailed(description, receipt, await this.revertReason(tx, receipt));
    }
    return receipt;
  }

  /** Replays a failed transaction as eth_call at its parent block to recover the revert reason. */
  async revertReason(tx, receipt) {
    try {
      await this.rpc('eth_call', [{ ...tx }, hex(BigInt(receipt.blockNumber) - 1n)]);
      return undefined;
    } catch (e) {
      return decodeRevert(e.rpcError?.data) || e.message;
    }
  }

  async deploy(from, artifact, args = [], { value = 0n, gas = DEPLOY_GAS } = {}) {
    const iface = new Interface(artifact.abi);
    const data = artifact.bytecode + iface.encodeDeploy(args).slice(2);
    const receipt = await this.sendTx({ from, data, value, gas }, { description: `deploy ${artifact.contractName}` });
    return new Contract(this, getAddress(receipt.contractAddress), artifact.abi, { receipt, name: artifact.contractName });
  }

  at(address, abi, name) {
    return new Contract(this, getAddress(address), abi, { name });
  }

  async snapshot() {
    return this.rpc('evm_snapshot');
  }

  async revert(id) {
    return this.rpc('evm_revert', [id]);
  }

  async impersonate(address, ethBalance = 10n ** 21n) {
    await this.rpc('anvil_impersonateAccount', [address]);
    await this.rpc('anvil_setBalance', [address, hex(ethBalance)]);
  }

  async increaseTime(seconds) {
    await this.rpc('evm_increaseTime', [Number(seconds)]);
    await this.rpc('evm_mine');
  }
}

class Contract {
  constructor(chain, address, abi, { receipt, name } = {}) {
    this.chain = chain;
    this.address = address;
    this.iface = abi instanceof Interface ? abi : new Interface(abi);
    this.receipt = receipt;
    this.name = name || address;
  }

  encode(fn, args = []) {
    return this.iface.encodeFunctionData(fn, args);
  }

  async read(fn, args = [], { from, block = 'latest' } = {}) {
    const data = this.encode(fn, args);
    const call = { to: this.address, data };
    if (from) call.from = from;
    let raw;
    try {
      raw = await this.chain.rpc('eth_call', [call, block]);
    } catch (e) {
      const reason = decodeRevert(e.rpcError?.data);
      const err = new Error(`${this.name}.${fn} call reverted${reason ? `: ${reason}` : ''}`);
      err.reason = reason;
      throw err;
    }
    const out = this.iface.decodeFunctionResult(fn, raw);
    return out.length === 1 ? out[0] : out;
  }

  async send(from, fn, args = [], { value = 0n, gas = DEFAULT_GAS, allowRevert = false } = {}) {
    return this.chain.sendTx(
      { from, to: this.address, data: this.encode(fn, args), value, gas },
      { allowRevert, description: `${this.name}.${fn}` },
    );
  }

  selector(fn) {
    return this.iface.getFunction(fn).selector;
  }

  logs(receipt, eventName) {
    const topic = this.iface.getEvent(eventName).topicHash;
    return receipt.logs
      .filter((l) => l.address.toLowerCase() === this.address.toLowerCase() && l.topics[0] === topic)
      .map((l) => this.iface.decodeEventLog(eventName, l.data, l.topics));
  }
}

const ERROR_STRING = '0x08c379a0';
const PANIC = '0x4e487b71';

function decodeRevert(data) {
  if (typeof data !== 'string' || !data.startsWith('0x')) return undefined;
  try {
    if (data.startsWith(ERROR_STRING)) return AbiCoder.defaultAbiCoder().decode(['string'], '0x' + data.slice(10))[0];
    if (data.startsWith(PANIC)) return `panic 0x${AbiCoder.defaultAbiCoder().decode(['uint256'], '0x' + data.slice(10))[0].toString(16)}`;
    if (data === '0x') return 'no reason';
    return `custom error ${data.slice(0, 10)}`;
  } catch {
    return undefined;
  }
}

module.exports = { Chain, Contract, TxFailed, RpcError, decodeRevert, hex, DEFAULT_GAS, DEPLOY_GAS };
