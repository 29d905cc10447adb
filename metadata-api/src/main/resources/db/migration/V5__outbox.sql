-- The transactional outbox: records for the compacted clickstream.config.* topics, written in the
-- transaction of the change they describe and relayed to Kafka in id order. A null payload is a
-- tombstone.
CREATE TABLE outbox (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic      text        NOT NULL,
    record_key text        NOT NULL,
    payload    text,
    created_at timestamptz NOT NULL DEFAULT now(),
    sent_at    timestamptz
);
-- What the relay reads: the unsent rows in order.
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
-- Pruning sent rows.
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Wakes the relay at commit instead of at its next poll.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('clickstream_outbox', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
