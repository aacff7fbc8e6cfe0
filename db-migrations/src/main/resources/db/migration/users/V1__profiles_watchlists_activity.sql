-- user-service: the profile side of an account (identity, password and tier live in auth.users).
-- user_id everywhere is the auth account id; no foreign key crosses into the auth schema.

CREATE TABLE user_profiles (
    user_id     uuid PRIMARY KEY,
    username    varchar(50) UNIQUE,
    profile     jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(profile) = 'object'),
    preferences jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(preferences) = 'object'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_watchlists (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL,
    name        varchar(100) NOT NULL CHECK (btrim(name) <> ''),
    description text,
    is_public   boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX idx_watchlists_user ON user_watchlists (user_id);

-- A watched token is identified by network + contract address (canonical form: EIP-55 for EVM,
-- base58 for Solana, up to 44 characters) rather than a reference into the analysis schema.
CREATE TABLE watchlist_items (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    watchlist_id     uuid NOT NULL REFERENCES user_watchlists (id) ON DELETE CASCADE,
    network          varchar(32) NOT NULL,
    contract_address varchar(64) NOT NULL,
    alert_threshold  integer CHECK (alert_threshold BETWEEN 0 AND 100),
    notes            text,
    added_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_watchlist_items_token UNIQUE (watchlist_id, network, contract_address)
);

-- The unique constraint's index also serves lookups by watchlist_id; this one finds the
-- watchers of a token when its score moves.
CREATE INDEX idx_watchlist_items_token ON watchlist_items (network, contract_address);

CREATE TABLE user_activity (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       uuid NOT NULL,
    activity_type varchar(50) NOT NULL,
    activity_data jsonb,
    ip_address    inet,
    user_agent    text,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX idx_activity_user ON user_activity (user_id, created_at DESC);
CREATE INDEX idx_activity_type ON user_activity (activity_type, created_at DESC);

-- Time series: one row per API request; api_key_id is the auth API key used, NULL for bearer tokens.
CREATE TABLE api_usage (
    time             timestamptz NOT NULL,
    user_id          uuid,
    api_key_id       uuid,
    endpoint         varchar(255) NOT NULL,
    method           varchar(10) NOT NULL,
    status_code      integer NOT NULL CHECK (status_code BETWEEN 100 AND 599),
    response_time_ms integer CHECK (response_time_ms >= 0),
    request_size     integer CHECK (request_size >= 0),
    response_size    integer CHECK (response_size >= 0)
) PARTITION BY RANGE (time);

SELECT users.setup_time_series('users.api_usage');

CREATE INDEX idx_api_usage_user ON api_usage (user_id, time DESC);
CREATE INDEX idx_api_usage_api_key ON api_usage (api_key_id, time DESC) WHERE api_key_id IS NOT NULL;
CREATE INDEX idx_api_usage_endpoint ON api_usage (endpoint, time DESC);
