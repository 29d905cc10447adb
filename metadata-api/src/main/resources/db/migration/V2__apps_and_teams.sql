-- Apps and who may do what with them (DESIGN §6). The owner is a column, not a membership row:
-- an app always has exactly one, and the foreign key keeps its user from being deleted.
CREATE TABLE apps (
    id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id     uuid        NOT NULL REFERENCES organisations (id),
    owner_id            uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    url                 text        CHECK (length(url) <= 2048),
    description         text        CHECK (length(description) <= 2000),
    is_public           boolean     NOT NULL DEFAULT false,
    rate_limit_eps      integer     NOT NULL CHECK (rate_limit_eps BETWEEN 1 AND 1000000),
    max_connections     integer     NOT NULL CHECK (max_connections BETWEEN 1 AND 1000000),
    session_timeout_min integer     NOT NULL CHECK (session_timeout_min BETWEEN 1 AND 1440),
    -- Locked while a tracking snippet is out: configuration changes are refused until unlocked.
    locked              boolean     NOT NULL DEFAULT false,
    -- AppConfig.version on clickstream.config.apps: increases with every change.
    version             bigint      NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX apps_owner ON apps (owner_id);
-- Listing the apps a user sees: those of the organisation, in creation order.
CREATE INDEX apps_by_organisation ON apps (organisation_id, created_at, id);

CREATE TABLE app_members (
    app_id     uuid        NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       text        NOT NULL CHECK (role IN ('editor', 'viewer')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (app_id, user_id)
);
CREATE INDEX app_members_user ON app_members (user_id);

-- Invitations are addressed to an email (the colleague may not have registered yet) and stay
-- pending until accepted, declined, withdrawn or expired.
CREATE TABLE invitations (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    app_id       uuid        NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    email        text        NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    role         text        NOT NULL CHECK (role IN ('editor', 'viewer')),
    invited_by   uuid        REFERENCES users (id) ON DELETE SET NULL,
    status       text        NOT NULL DEFAULT 'pending'
                             CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn', 'expired')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    responded_at timestamptz
);
-- One pending invitation per app and address, also under concurrent requests.
CREATE UNIQUE INDEX invitations_one_pending ON invitations (app_id, email) WHERE status = 'pending';
CREATE INDEX invitations_pending_by_email ON invitations (email, created_at) WHERE status = 'pending';
-- Foreign keys that cascade or are set to null need an index on the referencing side.
CREATE INDEX invitations_by_app ON invitations (app_id, created_at);
CREATE INDEX invitations_by_inviter ON invitations (invited_by);
