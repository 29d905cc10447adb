-- An organisation is an email domain (DESIGN §6): everyone registering with @example.com
-- belongs to the organisation example.com.
CREATE TABLE organisations (
    id         uuid        PRIMARY KEY,
    domain     text        NOT NULL UNIQUE CHECK (domain = lower(domain)),
    created_at timestamptz NOT NULL DEFAULT now()
);
