-- intel-service: what is known about an address (labels, entity, risk). wallet_address holds the
-- canonical form (EIP-55 for EVM, base58 for Solana, up to 44 characters).
CREATE TABLE wallet_intelligence (
    wallet_address       varchar(64) PRIMARY KEY,
    entity_name          varchar(255),
    entity_type          varchar(50),
    risk_score           integer CHECK (risk_score BETWEEN 0 AND 100),
    labels               text[] NOT NULL DEFAULT '{}',
    intelligence_sources jsonb,
    confidence           numeric(3, 2) CHECK (confidence BETWEEN 0 AND 1),
    first_seen           timestamptz NOT NULL DEFAULT now(),
    last_updated         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX idx_wallet_intel_type ON wallet_intelligence (entity_type);
CREATE INDEX idx_wallet_intel_risk ON wallet_intelligence (risk_score);
CREATE INDEX idx_wallet_intel_labels ON wallet_intelligence USING gin (labels);
