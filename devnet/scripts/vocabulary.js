'use strict';
// The behaviour vocabulary of manifest.json (documented in README.md). Codes are stable: the
// Java detectors are tested against them. Each entry: kind (capability | evidence | economic |
// governance) and the parameters an entry carries besides `code`.
const VOCABULARY = {
  honeypot: { kind: 'evidence', params: ['kind', 'exempt?', 'received_bps_max?'] },
  buy_tax: { kind: 'evidence', params: ['value_bps'] },
  sell_tax: { kind: 'evidence', params: ['value_bps'] },
  transfer_tax: { kind: 'evidence', params: ['value_bps'] },
  tax_modifiable: { kind: 'capability', params: ['selector', 'signature', 'by', 'max_bps', 'requires?'] },
  per_address_tax: { kind: 'capability', params: ['selector', 'signature', 'by', 'max_bps', 'taxed'] },
  max_tx: { kind: 'capability', params: ['amount', 'bps_of_supply', 'modifiable', 'selector', 'signature', 'by'] },
  max_wallet: { kind: 'capability', params: ['amount', 'bps_of_supply', 'modifiable', 'selector', 'signature', 'by'] },
  trading_cooldown: { kind: 'evidence', params: ['seconds', 'scope', 'selector', 'signature', 'by'] },
  pausable: { kind: 'capability', params: ['selector', 'signature', 'by', 'paused'] },
  trading_not_enabled: { kind: 'evidence', params: ['selector', 'signature', 'by'] },
  blacklist: { kind: 'capability', params: ['selector', 'signature', 'by', 'listed'] },
  mint: { kind: 'capability', params: ['selector', 'signature', 'by'] },
  hidden_mint: { kind: 'capability', params: ['selector', 'signature', 'by', 'emits_transfer', 'used?'] },
  mint_after_launch: { kind: 'evidence', params: ['tx', 'block', 'amount', 'to'] },
  balance_rewrite: { kind: 'capability', params: ['selector', 'signature', 'by', 'kind'] },
  siphoned_holder: { kind: 'evidence', params: ['holder', 'amount', 'tx', 'by'] },
  ownership_renounced: { kind: 'governance', params: [] },
  fake_renounce: { kind: 'capability', params: ['selector', 'signature', 'by', 'unlock_time', 'slot'] },
  hidden_owner: { kind: 'capability', params: ['address', 'location', 'slot?', 'powers'] },
  upgradeable_proxy: { kind: 'capability', params: ['standard', 'kind', 'implementation', 'admin', 'admin_owner', 'upgrade_candidate?'] },
  minimal_proxy: { kind: 'capability', params: ['standard', 'implementation', 'factory?'] },
  deprecation_forwarding: { kind: 'capability', params: ['selector', 'signature', 'by'] },
  selfdestruct: { kind: 'capability', params: ['selector', 'signature', 'by'] },
  external_call_in_transfer: { kind: 'capability', params: ['target', 'selector', 'verified', 'can_block_sells', 'by'] },
  same_bytecode_as: { kind: 'evidence', params: ['key', 'address'] },
  lp_burned: { kind: 'economic', params: ['percent_bps'] },
  lp_locked: { kind: 'economic', params: ['percent_bps', 'locker', 'lock_id', 'unlock_time'] },
  lp_unlocked: { kind: 'economic', params: ['percent_bps', 'holders'] },
  concentrated_holders: { kind: 'economic', params: ['top10_bps'] },
};

const RISK_LEVELS = ['Low Risk', 'Moderate Risk', 'High Risk', 'Very High Risk'];

module.exports = { VOCABULARY, RISK_LEVELS };
