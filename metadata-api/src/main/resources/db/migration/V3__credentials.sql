-- App tokens (the collector's write credential, a JWT whose jti is the id here) and read-only
-- API keys for the query API.
CREATE TABLE app_tokens (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    app_id     uuid        NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    created_by uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
-- At most one active token per app, whatever the interleaving of requests.
CREATE UNIQUE INDEX app_tokens_one_active ON app_tokens (app_id) WHERE revoked_at IS NULL;
CREATE INDEX app_tokens_by_app ON app_tokens (app_id);
CREATE INDEX app_tokens_by_creator ON app_tokens (created_by);

CREATE TABLE api_keys (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    app_id     uuid        NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- The first characters of the key, shown in lists so that people can tell keys apart.
    key_prefix text        NOT NULL,
    -- SHA-256 of the key: keys are 256-bit random, so a fast hash is enough and lets the query API
    -- find a key with one index lookup.
    key_hash   bytea       NOT NULL CHECK (length(key_hash) = 32),
    created_by uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
CREATE UNIQUE INDEX api_keys_hash ON api_keys (key_hash);
CREATE INDEX api_keys_by_app ON api_keys (app_id, created_at, id);
CREATE INDEX api_keys_by_creator ON api_keys (created_by);
