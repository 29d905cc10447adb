package io.clickstream.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's embedded binaries) with a {@code clickstream} database owned by
 * a {@code clickstream} role. Its data directory is kept between starts.
 *
 * <p>PostgreSQL runs as a separate process that outlives this JVM when the JVM is killed; the next
 * start on the same directory stops that orphan first.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  public static final String DATABASE = "clickstream";
  public static final String USER = "clickstream";
  public static final String PASSWORD = "clickstream";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final String HOST = "127.0.0.1";

  private final Path dir;
  private final Path binariesDir;
  private final int requestedPort;
  private EmbeddedPostgres postgres;

  /**
   * @param dir owned by this server: the data directory is {@code dir/data}, the server log {@code
   *     dir/postgres.log}
   * @param binariesDir where the PostgreSQL binaries are unpacked (~60 MB), reused between starts
   * @param port 0 to pick a free one
   */
  public EmbeddedPostgresServer(Path dir, Path binariesDir, int port) {
    this.dir = dir.toAbsolutePath();
    this.binariesDir = binariesDir.toAbsolutePath();
    this.requestedPort = port;
  }

  public synchronized void start() {
    if (postgres != null) {
      throw new IllegalStateException("PostgreSQL already started on port " + postgres.getPort());
    }
    Path dataDir = dataDir(dir);
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(binariesDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + dataDir, e);
    }
    stopOrphan(dir);
    // A failed zonky start keeps its lock on the data directory, so a picked port is confirmed
    // (and picked again if another process took it meanwhile) before zonky starts.
    int port = requestedPort;
    if (port == 0) {
      port = FreePort.pickConfirmed("PostgreSQL");
    } else {
      FreePort.requireFree(port, "PostgreSQL");
    }
    // The postmaster writes to a file rather than to a pipe into this JVM, which it outlives.
    ProcessBuilder.Redirect serverLog =
        ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile());
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setOverrideWorkingDirectory(binariesDir.toFile())
              .setPort(port)
              // Only IPv4 loopback: with "localhost" PostgreSQL starts on ::1 alone when another
              // process holds the IPv4 port, and zonky then waits for it in vain.
              .setServerConfig("listen_addresses", HOST)
              // zonky turns synchronous commits off; commits here must survive a crash.
              .setServerConfig("synchronous_commit", "on")
              .setOutputRedirector(serverLog)
              .setErrorRedirector(serverLog)
              .setPGStartupWait(Duration.ofSeconds(30))
              .start();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "PostgreSQL did not start in " + dataDir + " (see " + dir.resolve("postgres.log") + ")",
          e);
    }
    try {
      createRoleAndDatabase();
    } catch (SQLException | RuntimeException e) {
      close();
      throw new IllegalStateException("Cannot create the " + DATABASE + " database", e);
    }
  }

  /** Stops a server left running on {@code dir} by a JVM that was killed. */
  static void stopOrphan(Path dir) {
    StaleServerProcess.stopIfRunning(dataDir(dir).resolve("postmaster.pid"), "postgres");
  }

  public synchronized int port() {
    requireStarted();
    return postgres.getPort();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + HOST + ":" + port() + "/" + DATABASE;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  /** {@code postgresql://user:password@host:port/database}, the form of {@code DATABASE_URL}. */
  public String databaseUrl() {
    return "postgresql://" + USER + ":" + PASSWORD + "@" + HOST + ":" + port() + "/" + DATABASE;
  }

  /** Stops PostgreSQL (fast shutdown: open sessions are ended) and waits until it has. */
  @Override
  public synchronized void close() {
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot stop PostgreSQL", e);
    } finally {
      postgres = null;
    }
  }

  // The database is owned by its role: on PostgreSQL 15+ only the owner may create in "public".
  private void createRoleAndDatabase() throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", USER)) {
        statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        log.info("Created PostgreSQL role {}", USER);
      }
      if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
        statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        log.info("Created PostgreSQL database {}", DATABASE);
      }
    }
  }

  private static boolean exists(Connection connection, String query, String name)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static Path dataDir(Path dir) {
    return dir.resolve("data");
  }

  private void requireStarted() {
    if (postgres == null) {
      throw new IllegalStateException("PostgreSQL is not running");
    }
  }
}
