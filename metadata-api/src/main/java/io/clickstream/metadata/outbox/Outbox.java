package io.clickstream.metadata.outbox;

import io.clickstream.metadata.db.Sql;
import io.clickstream.model.Json;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes a record for Kafka into the outbox table, in the caller's transaction: the record exists
 * if and only if the change it describes committed. {@link OutboxRelay} sends it.
 *
 * <p>Per key, records must be appended in the order of the changes. Every writer therefore holds a
 * row lock on what the key names (the app, funnel or product row) before appending, so a later
 * change of the same key gets a larger id and commits later.
 */
public final class Outbox {
  private Outbox() {}

  /** Appends a record; a null value is a tombstone. */
  public static void append(Connection connection, String topic, String key, Object value)
      throws SQLException {
    Sql.update(
        connection,
        "INSERT INTO outbox (topic, record_key, payload) VALUES (?, ?, ?)",
        topic,
        key,
        value == null ? null : Json.toJson(value));
  }
}
