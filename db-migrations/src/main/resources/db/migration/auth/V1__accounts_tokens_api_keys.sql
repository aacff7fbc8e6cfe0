-- auth schema: accounts, refresh-token families, API keys and failed-login attempts.
-- Owned by auth-service; no other service reads these tables.

CREATE TABLE users (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- stored already normalized (trimmed, lower-case), so the unique index is the uniqueness rule
    email             varchar(254) NOT NULL,
    username          varchar(50),
    password_hash     varchar(255) NOT NULL,
    subscription_tier varchar(20)  NOT NULL DEFAULT 'free',
    roles             text[]       NOT NULL DEFAULT '{USER}',
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    last_login        timestamptz,
    is_verified       boolean      NOT NULL DEFAULT false,
    is_active         boolean      NOT NULL DEFAULT true,
    CONSTRAINT users_email_normalized CHECK (email = lower(btrim(email))),
    CONSTRAINT users_subscription_tier_known CHECK (subscription_tier IN ('free', 'pro', 'enterprise')),
    CONSTRAINT users_roles_present CHECK (cardinality(roles) > 0)
);

CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE INDEX users_subscription_tier_idx ON users (subscription_tier);

-- Opaque refresh tokens, stored as SHA-256 hashes. Every login starts a family; each refresh
-- marks the presented token used and issues its successor in the same family.
CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY,
    token_hash  varchar(64) NOT NULL,
    family_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    replaced_by uuid REFERENCES refresh_tokens (id) ON DELETE SET NULL
);

CREATE UNIQUE INDEX refresh_tokens_token_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);

-- API keys for bots: only the SHA-256 hash of the key is kept; the prefix is for display.
CREATE TABLE api_keys (
    id           uuid PRIMARY KEY,
    user_id      uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         varchar(100) NOT NULL,
    prefix       varchar(16)  NOT NULL,
    key_hash     varchar(64)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

CREATE UNIQUE INDEX api_keys_key_hash_key ON api_keys (key_hash);
CREATE INDEX api_keys_user_idx ON api_keys (user_id, created_at);

-- Failed logins per normalized email, kept in PostgreSQL so lockout holds without Redis.
-- A successful login clears the rows of its email; old rows are pruned.
CREATE TABLE login_attempts (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email        varchar(254) NOT NULL,
    attempted_at timestamptz  NOT NULL
);

CREATE INDEX login_attempts_email_time_idx ON login_attempts (email, attempted_at DESC);
CREATE INDEX login_attempts_time_idx ON login_attempts (attempted_at);
