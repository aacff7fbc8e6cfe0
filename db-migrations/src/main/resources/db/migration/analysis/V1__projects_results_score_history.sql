-- analysis-service: analysed tokens, every analysis result, the score series and project statistics.

-- contract_address holds the canonical form (EIP-55 for EVM, base58 for Solana, up to 44 characters).
-- Symbol and name come from the token contract itself, so they get more room than the seed's.
CREATE TABLE projects (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    contract_address varchar(64) NOT NULL,
    network          varchar(32) NOT NULL,
    token_symbol     varchar(64),
    token_name       varchar(255),
    project_metadata jsonb NOT NULL DEFAULT '{}',
    first_seen       timestamptz NOT NULL DEFAULT now(),
    last_updated     timestamptz NOT NULL DEFAULT now(),
    is_active        boolean NOT NULL DEFAULT true,
    CONSTRAINT uq_projects_token UNIQUE (contract_address, network)
);

CREATE INDEX idx_projects_symbol ON projects (token_symbol);
CREATE INDEX idx_projects_network ON projects (network);

-- user_id is the auth account that asked (NULL for system re-analyses); no cross-schema key.
CREATE TABLE analysis_results (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id         uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id            uuid,
    kaizen_score       integer NOT NULL CHECK (kaizen_score BETWEEN 0 AND 100),
    risk_level         varchar(20) NOT NULL
                       CHECK (risk_level IN ('Low Risk', 'Moderate Risk', 'High Risk', 'Very High Risk')),
    confidence         numeric(3, 2) NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    technical_score    integer NOT NULL CHECK (technical_score BETWEEN 0 AND 100),
    economic_score     integer NOT NULL CHECK (economic_score BETWEEN 0 AND 100),
    social_score       integer NOT NULL CHECK (social_score BETWEEN 0 AND 100),
    governance_score   integer NOT NULL CHECK (governance_score BETWEEN 0 AND 100),
    analysis_depth     varchar(20) NOT NULL DEFAULT 'standard'
                       CHECK (analysis_depth IN ('quick', 'standard', 'comprehensive')),
    processing_time_ms integer CHECK (processing_time_ms >= 0),
    data_quality_score numeric(3, 2) CHECK (data_quality_score BETWEEN 0 AND 1),
    full_analysis      jsonb NOT NULL,
    alerts             jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(alerts) = 'array'),
    findings           jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(findings) = 'array'),
    coverage           jsonb,
    created_at         timestamptz NOT NULL DEFAULT now()
);

-- (project_id, created_at DESC) answers both "results of a project" and "its latest result".
CREATE INDEX idx_analysis_project ON analysis_results (project_id, created_at DESC);
CREATE INDEX idx_analysis_user ON analysis_results (user_id);
CREATE INDEX idx_analysis_score ON analysis_results (kaizen_score);
CREATE INDEX idx_analysis_created ON analysis_results (created_at);
CREATE INDEX idx_analysis_risk_level ON analysis_results (risk_level);

-- Time series: one point per analysis of a token. analysis_id points at analysis_results without a
-- foreign key, so the series outlives the cleanup of old analyses.
CREATE TABLE score_history (
    time             timestamptz NOT NULL,
    network          varchar(32) NOT NULL,
    contract_address varchar(64) NOT NULL,
    kaizen_score     integer NOT NULL CHECK (kaizen_score BETWEEN 0 AND 100),
    technical_score  integer CHECK (technical_score BETWEEN 0 AND 100),
    economic_score   integer CHECK (economic_score BETWEEN 0 AND 100),
    social_score     integer CHECK (social_score BETWEEN 0 AND 100),
    governance_score integer CHECK (governance_score BETWEEN 0 AND 100),
    analysis_id      uuid
) PARTITION BY RANGE (time);

SELECT analysis.setup_time_series('analysis.score_history');

CREATE INDEX idx_score_history_token ON score_history (network, contract_address, time DESC);

-- Per-project statistics; the unique index on id lets REFRESH ... CONCURRENTLY run without
-- blocking readers. Refreshed by analysis-service through refresh_project_stats() (the seed's
-- notify-on-every-statement trigger is deliberately not carried over: it fired on every insert
-- and nothing debounced it).
CREATE MATERIALIZED VIEW project_stats AS
SELECT p.id,
       p.contract_address,
       p.network,
       p.token_symbol,
       count(ar.id)              AS analysis_count,
       avg(ar.kaizen_score)      AS avg_score,
       max(ar.created_at)        AS last_analysis,
       count(DISTINCT ar.user_id) AS unique_analyzers
  FROM projects p
  LEFT JOIN analysis_results ar ON ar.project_id = p.id
 WHERE p.is_active
 GROUP BY p.id, p.contract_address, p.network, p.token_symbol;

CREATE UNIQUE INDEX idx_project_stats_id ON project_stats (id);
CREATE INDEX idx_project_stats_score ON project_stats (avg_score);

CREATE FUNCTION refresh_project_stats() RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY analysis.project_stats;
END
$fn$;
