package io.clickstream.metadata.support;

import io.clickstream.platform.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Direct reads of the test database, to check what the API stored. */
public final class Database {
  private Database() {}

  /** The first column of every row, as strings. */
  public static List<String> column(String sql, Object... params) {
    DatabaseUrl url = TestApi.database();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
