-- social-service: posts mentioning a token (X/Twitter, Telegram), a time series.

-- time is the post's publication time (not the collection time), so a post fetched again carries
-- the same (platform, post_id, time) and INSERT ... ON CONFLICT DO NOTHING skips it. The seed's
-- UNIQUE (platform, post_id) cannot exist here: a unique constraint on a partitioned table or a
-- hypertable must include the partitioning column.
CREATE TABLE social_mentions (
    time               timestamptz NOT NULL,
    contract_address   varchar(64) NOT NULL,
    platform           varchar(20) NOT NULL,
    post_id            varchar(255) NOT NULL,
    author_id          varchar(255),
    content            text,
    sentiment_score    numeric(3, 2) CHECK (sentiment_score BETWEEN -1 AND 1),
    engagement_metrics jsonb,
    is_suspicious      boolean NOT NULL DEFAULT false
) PARTITION BY RANGE (time);

SELECT social.setup_time_series('social.social_mentions');

ALTER TABLE social_mentions ADD CONSTRAINT uq_social_mentions_post UNIQUE (platform, post_id, time);
CREATE INDEX idx_social_contract ON social_mentions (contract_address, time DESC);
CREATE INDEX idx_social_platform ON social_mentions (platform, time DESC);
CREATE INDEX idx_social_sentiment ON social_mentions (sentiment_score);
