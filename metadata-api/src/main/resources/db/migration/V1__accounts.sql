-- Accounts (DESIGN §6). An organisation is an email domain: everyone registering with
-- @example.com belongs to the organisation example.com.
CREATE TABLE organisations (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    domain     text        NOT NULL UNIQUE
                           CHECK (domain = lower(domain) AND length(domain) BETWEEN 3 AND 253),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid        NOT NULL REFERENCES organisations (id),
    -- Stored normalised (lower case, IDN domain in ASCII): the unique index is the login lookup.
    email           text        NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- A PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash): the parameters travel with the hash.
    password_hash   text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (email);
CREATE INDEX users_organisation ON users (organisation_id);

-- Rotating refresh tokens. Only a SHA-256 of each token is kept. A login starts a family; each
-- refresh marks its token used and adds the next one to the family. Presenting a used or revoked
-- token again means it leaked: the whole family is revoked.
CREATE TABLE refresh_tokens (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    family_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash bytea       NOT NULL CHECK (length(token_hash) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    revoked_at timestamptz
);
CREATE UNIQUE INDEX refresh_tokens_hash ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
