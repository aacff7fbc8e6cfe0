-- Reliable messaging (common-lib, ai.kaizen.common.messaging); the same tables in every service schema.

-- Transactional outbox: a row commits with the business change and the relay publishes it afterwards.
CREATE TABLE outbox_event (
    id           uuid        PRIMARY KEY,              -- the event id (UUIDv7) carried by the envelope
    stream       text        NOT NULL,
    type         text        NOT NULL,
    version      integer     NOT NULL,
    event_key    text        NOT NULL,
    producer     text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    traceparent  text        NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz,                          -- null until the relay has published it
    redis_run_id text                                  -- the Redis run it went to; a new run means re-publish
);
CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;

-- Consumer idempotency: written in the handler's transaction, so an event's effects apply once per group.
CREATE TABLE processed_event (
    consumer_group text        NOT NULL,
    event_id       uuid        NOT NULL,
    stream         text        NOT NULL,
    processed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, event_id)
);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);

-- Delayed and recurring jobs: kept here, not in Redis, so that they survive restarts of the service and of Redis.
CREATE TABLE scheduled_job (
    id            uuid        PRIMARY KEY,
    name          text        UNIQUE,                  -- set for recurring jobs (upserted by name), null for one-offs
    stream        text        NOT NULL,
    type          text        NOT NULL,
    version       integer     NOT NULL,
    event_key     text        NOT NULL,
    payload       jsonb       NOT NULL,
    run_at        timestamptz NOT NULL,
    cron          text,                                -- six-field cron (seconds first), UTC
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_fired_at timestamptz
);
CREATE INDEX scheduled_job_run_at ON scheduled_job (run_at);
