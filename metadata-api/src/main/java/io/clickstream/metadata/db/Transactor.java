package io.clickstream.metadata.db;

import io.clickstream.platform.http.ApiException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/**
 * Runs work in a transaction (read committed; callers lock the rows they depend on) and retries it
 * when PostgreSQL aborts it for a serialization failure or a deadlock. Failures to reach the
 * database become 503s, so that a client retries rather than reports a bug.
 */
public final class Transactor {
  private static final int ATTEMPTS = 3;

  private final DataSource dataSource;

  public Transactor(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public <T> T inTransaction(SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = connect()) {
        connection.setAutoCommit(false);
        try {
          T result = work.run(connection);
          connection.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(connection, e);
          throw e;
        }
      } catch (SQLException e) {
        if (SqlStates.isRetryable(e) && attempt < ATTEMPTS) {
          continue;
        }
        throw translate(e);
      }
    }
  }

  /** Work of single statements (reads), each committed on its own. */
  public <T> T read(SqlWork<T> work) {
    try (Connection connection = connect()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  private Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static RuntimeException translate(SQLException e) {
    if (e instanceof SQLTransientConnectionException || SqlStates.isConnectionFailure(e)) {
      return ApiException.unavailable("The database is unavailable; try again shortly.", 1);
    }
    return new DatabaseException(e);
  }

  /** A database failure that is a bug or an outage nobody can fix by retrying: a logged 500. */
  public static final class DatabaseException extends RuntimeException {
    DatabaseException(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
