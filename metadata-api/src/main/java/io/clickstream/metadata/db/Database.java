package io.clickstream.metadata.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.clickstream.platform.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool, migrated to the newest schema before anything uses it. */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;

  public Database(DatabaseUrl url, int maxPoolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    config.setUsername(url.user());
    config.setPassword(url.password());
    config.setMaximumPoolSize(maxPoolSize);
    config.setPoolName("metadata");
    config.setConnectionTimeout(5_000);
    this.dataSource = new HikariDataSource(config);
    var result = Flyway.configure().dataSource(dataSource).load().migrate();
    log.info(
        "Database schema at version {} ({} migrations applied now)",
        result.targetSchemaVersion,
        result.migrationsExecuted);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public boolean isReachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
