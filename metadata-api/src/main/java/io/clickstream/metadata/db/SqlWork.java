package io.clickstream.metadata.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection, inside a transaction or not. */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
