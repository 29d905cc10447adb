package io.clickstream.metadata.db;

import java.sql.SQLException;

/** The PostgreSQL error codes the code reacts to. */
public final class SqlStates {
  public static final String UNIQUE_VIOLATION = "23505";
  public static final String FOREIGN_KEY_VIOLATION = "23503";
  private static final String SERIALIZATION_FAILURE = "40001";
  private static final String DEADLOCK = "40P01";

  private SqlStates() {}

  public static boolean is(SQLException e, String state) {
    return state.equals(e.getSQLState());
  }

  /** A unique violation of the named constraint or index. */
  public static boolean isUniqueViolation(SQLException e, String constraint) {
    return is(e, UNIQUE_VIOLATION) && e.getMessage() != null && e.getMessage().contains(constraint);
  }

  static boolean isRetryable(SQLException e) {
    return is(e, SERIALIZATION_FAILURE) || is(e, DEADLOCK);
  }

  static boolean isConnectionFailure(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("08");
  }
}
