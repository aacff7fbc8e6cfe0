-- analysis-service: which tokens someone watches, kept from user-service's watchlist events
-- (events:watchlists), so that new on-chain data re-scores them. One row per watchlist item.
CREATE TABLE watched_tokens (
    watchlist_id     uuid NOT NULL,
    network          varchar(32) NOT NULL,
    contract_address varchar(64) NOT NULL,
    user_id          uuid NOT NULL,
    added_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (watchlist_id, network, contract_address)
);

CREATE INDEX idx_watched_tokens_token ON watched_tokens (network, contract_address);
