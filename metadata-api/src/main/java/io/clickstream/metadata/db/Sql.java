package io.clickstream.metadata.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Parameterised statements in one line each: every value is bound, never spliced into SQL. */
public final class Sql {
  private Sql() {}

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  public static <T> List<T> list(
      Connection connection, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, params);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  public static <T> Optional<T> one(
      Connection connection, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, params);
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
    }
  }

  public static int update(Connection connection, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, params)) {
      return statement.executeUpdate();
    }
  }

  public static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp timestamp = row.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  public static UUID uuid(ResultSet row, String column) throws SQLException {
    return row.getObject(column, UUID.class);
  }

  /** A {@code text[]} parameter. */
  public static TextArray textArray(List<String> values) {
    return new TextArray(values);
  }

  /** Marks a list bound as a PostgreSQL {@code text[]}. */
  public record TextArray(List<String> values) {}

  private static PreparedStatement prepare(Connection connection, String sql, Object... params)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        bind(connection, statement, i + 1, params[i]);
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private static void bind(Connection connection, PreparedStatement statement, int index, Object p)
      throws SQLException {
    if (p == null) {
      statement.setNull(index, Types.NULL);
    } else if (p instanceof Instant instant) {
      statement.setTimestamp(index, Timestamp.from(instant));
    } else if (p instanceof byte[] bytes) {
      statement.setBytes(index, bytes);
    } else if (p instanceof TextArray array) {
      statement.setArray(index, connection.createArrayOf("text", array.values().toArray()));
    } else if (p instanceof Long[] longs) {
      statement.setArray(index, connection.createArrayOf("bigint", longs));
    } else {
      statement.setObject(index, p);
    }
  }
}
