-- notification-service: per-user channel preferences and the delivery log.
-- Channels: email, webhook (HMAC-signed), push (web push), in_app.

-- One row per user and channel; `target` is the channel's address (email address, webhook URL,
-- push endpoint; NULL for in_app), `settings` anything channel-specific.
CREATE TABLE notification_preferences (
    user_id           uuid NOT NULL,
    channel           varchar(16) NOT NULL CHECK (channel IN ('email', 'webhook', 'push', 'in_app')),
    enabled           boolean NOT NULL DEFAULT true,
    target            text,
    settings          jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, channel)
);

-- One row per (event, user, channel): the unique key makes a redelivered stream event a no-op
-- (INSERT ... ON CONFLICT DO NOTHING). status: pending -> delivered, or failed (retried at
-- next_attempt_at) -> dead after the last attempt. payload is what was sent; read_at serves in_app.
CREATE TABLE deliveries (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL,
    channel         varchar(16) NOT NULL CHECK (channel IN ('email', 'webhook', 'push', 'in_app')),
    event_id        uuid NOT NULL,
    status          varchar(16) NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'delivered', 'failed', 'dead')),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      text,
    payload         jsonb NOT NULL DEFAULT '{}',
    next_attempt_at timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    read_at         timestamptz,
    CONSTRAINT uq_deliveries_event UNIQUE (event_id, user_id, channel),
    CONSTRAINT ck_deliveries_delivered CHECK ((status = 'delivered') = (delivered_at IS NOT NULL))
);

CREATE INDEX idx_deliveries_user ON deliveries (user_id, created_at DESC);
CREATE INDEX idx_deliveries_due ON deliveries (next_attempt_at) WHERE status IN ('pending', 'failed');
