-- analysis-service: background analysis jobs (one per contract of a batch, and the background part of a
-- comprehensive analysis). Only the owner may read a job: every read filters on user_id.
CREATE TABLE analysis_jobs (
    id               uuid PRIMARY KEY,
    user_id          uuid NOT NULL,
    batch_id         uuid,
    kind             varchar(20) NOT NULL CHECK (kind IN ('batch', 'comprehensive')),
    network          varchar(32) NOT NULL,
    contract_address varchar(64) NOT NULL,
    depth            varchar(20) NOT NULL CHECK (depth IN ('quick', 'standard', 'comprehensive')),
    status           varchar(20) NOT NULL DEFAULT 'queued'
                     CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    -- The analysis the job produced (or reused from the cache); no foreign key, so cleaning up old analyses
    -- never fails on a job.
    analysis_id      uuid,
    error            text,
    attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    completed_at     timestamptz,
    CONSTRAINT ck_analysis_jobs_finished CHECK ((status IN ('completed', 'failed')) = (completed_at IS NOT NULL))
);

CREATE INDEX idx_analysis_jobs_user ON analysis_jobs (user_id, created_at DESC);
CREATE INDEX idx_analysis_jobs_batch ON analysis_jobs (batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX idx_analysis_jobs_created ON analysis_jobs (created_at);
