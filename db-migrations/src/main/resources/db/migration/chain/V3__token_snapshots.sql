-- data-service: the last score-relevant fingerprint of every token collected at standard depth or deeper (owner,
-- liquidity in USD, LP burned/locked shares, supply, behaviour signals, code and implementation), so that the next
-- collection can tell whether anything changed and publish a `data updated` event (through chain.outbox_event, in the
-- same transaction that updates the row).
CREATE TABLE token_snapshots (
    network          varchar(32) NOT NULL,
    contract_address varchar(64) NOT NULL,
    block_number     bigint CHECK (block_number >= 0),   -- the block of the last collection compared
    fingerprint      jsonb NOT NULL,                     -- the baseline the next collection is compared with
    first_seen_at    timestamptz NOT NULL,
    collected_at     timestamptz NOT NULL,               -- the last collection compared
    changed_at       timestamptz NOT NULL,               -- the last collection that published an event
    PRIMARY KEY (network, contract_address)
);

CREATE INDEX idx_token_snapshots_changed ON token_snapshots (changed_at DESC);
