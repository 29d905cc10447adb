-- Tracking configuration of an app: funnels, tracked elements, products, end-user profiles.
CREATE TABLE funnels (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    app_id     uuid        NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    steps      jsonb       NOT NULL CHECK (jsonb_typeof(steps) = 'array'
                                           AND jsonb_array_length(steps) BETWEEN 2 AND 8),
    -- 1 minute to 90 days.
    window_ms  bigint      NOT NULL CHECK (window_ms BETWEEN 60000 AND 7776000000),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX funnels_by_app ON funnels (app_id, created_at, id);

-- Page elements the tracker reports interactions with, by CSS selector.
CREATE TABLE tracked_elements (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    app_id     uuid        NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    selector   text        NOT NULL CHECK (length(selector) BETWEEN 1 AND 512),
    events     text[]      NOT NULL CHECK (cardinality(events) BETWEEN 1 AND 2
                                           AND events <@ ARRAY['click', 'hover']),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (app_id, selector)
);
CREATE INDEX tracked_elements_by_app ON tracked_elements (app_id, created_at, id);

-- Products are identified by the app's own id (a SKU), the one its events carry.
CREATE TABLE products (
    app_id     uuid           NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    product_id text COLLATE "C" NOT NULL CHECK (length(product_id) BETWEEN 1 AND 200),
    name       text           NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    category   text           CHECK (length(category) <= 200),
    price      numeric(14, 4) CHECK (price >= 0),
    created_at timestamptz    NOT NULL DEFAULT now(),
    updated_at timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (app_id, product_id)
);

-- End users of the app, by the app's own user id (what identify events carry), with their traits
-- and the visitor ids identify linked to them.
CREATE TABLE profiles (
    app_id      uuid        NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    user_id     text COLLATE "C" NOT NULL CHECK (length(user_id) BETWEEN 1 AND 200),
    traits      jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(traits) = 'object'),
    visitor_ids text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(visitor_ids) <= 100),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (app_id, user_id)
);
-- Which profile a visitor belongs to.
CREATE INDEX profiles_by_visitor ON profiles USING gin (visitor_ids);
