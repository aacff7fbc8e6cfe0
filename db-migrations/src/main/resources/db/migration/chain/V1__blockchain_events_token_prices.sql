-- data-service: on-chain events and market data, both time series. Addresses and hashes are wide
-- enough for Solana (base58 addresses up to 44 characters, transaction signatures up to 88).

CREATE TABLE blockchain_events (
    time             timestamptz NOT NULL,
    network          varchar(32) NOT NULL,
    contract_address varchar(64) NOT NULL,
    event_type       varchar(50) NOT NULL,
    block_number     bigint NOT NULL CHECK (block_number >= 0),
    transaction_hash varchar(128) NOT NULL,
    log_index        integer CHECK (log_index >= 0),
    event_data       jsonb NOT NULL,
    gas_used         bigint CHECK (gas_used >= 0),
    gas_price        bigint CHECK (gas_price >= 0)
) PARTITION BY RANGE (time);

SELECT chain.setup_time_series('chain.blockchain_events');

-- Re-collecting a block range must not duplicate events: INSERT ... ON CONFLICT DO NOTHING on this
-- key (time = block time, so a re-read event has the same key; a unique key on a partitioned table
-- or hypertable must contain the partitioning column). Rows without a log_index are not deduplicated.
CREATE UNIQUE INDEX uq_blockchain_events_log ON blockchain_events (network, transaction_hash, log_index, time);
CREATE INDEX idx_blockchain_events_contract ON blockchain_events (contract_address, time DESC);
CREATE INDEX idx_blockchain_events_type ON blockchain_events (event_type, time DESC);
CREATE INDEX idx_blockchain_events_network ON blockchain_events (network, time DESC);

-- Prices keep 18 decimals (meme tokens trade far below the seed's 8) and sums allow absurd supplies.
CREATE TABLE token_prices (
    time             timestamptz NOT NULL,
    contract_address varchar(64) NOT NULL,
    network          varchar(32) NOT NULL,
    price_usd        numeric(38, 18) CHECK (price_usd >= 0),
    volume_24h       numeric(38, 2) CHECK (volume_24h >= 0),
    market_cap       numeric(38, 2) CHECK (market_cap >= 0),
    liquidity_usd    numeric(38, 2) CHECK (liquidity_usd >= 0),
    holder_count     integer CHECK (holder_count >= 0),
    data_source      varchar(50) NOT NULL
) PARTITION BY RANGE (time);

SELECT chain.setup_time_series('chain.token_prices');

CREATE INDEX idx_token_prices_contract ON token_prices (contract_address, time DESC);
CREATE INDEX idx_token_prices_network ON token_prices (network, time DESC);
