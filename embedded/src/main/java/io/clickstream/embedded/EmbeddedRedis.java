package io.clickstream.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server (the binary shipped in embedded-redis) that keeps its data in an append-only
 * file, fsynced every second.
 *
 * <p>Redis runs as a separate process that outlives this JVM when the JVM is killed; the next start
 * on the same directory stops that orphan first, found through the pid file Redis writes.
 */
public final class EmbeddedRedis implements AutoCloseable {

  private static final Logger serverLog = LoggerFactory.getLogger("redis-server");
  private static final String HOST = "127.0.0.1";

  private final Path dataDir;
  private final Path binariesDir;
  private final int requestedPort;
  private int port;
  private RedisServer server;

  /**
   * @param dataDir Redis's working directory: append-only file and pid file
   * @param binariesDir where the redis-server binary is copied
   * @param port 0 to pick a free one
   */
  public EmbeddedRedis(Path dataDir, Path binariesDir, int port) {
    this.dataDir = dataDir.toAbsolutePath();
    this.binariesDir = binariesDir.toAbsolutePath();
    this.requestedPort = port;
  }

  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("Redis already started on " + url());
    }
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(binariesDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + dataDir, e);
    }
    stopOrphan(dataDir);
    File executable = executable();
    FreePort.retryIfPicked("Redis", requestedPort == 0, () -> attemptStart(executable));
  }

  private void attemptStart(File executable) {
    port = FreePort.pickIfZero(requestedPort);
    FreePort.requireFree(port, "Redis");
    RedisServer starting =
        new RedisServer(port, commandLine(executable), false, serverLog::debug, serverLog::warn);
    try {
      starting.start();
    } catch (IOException e) {
      throw new IllegalStateException("Redis did not start on " + HOST + ":" + port, e);
    }
    server = starting;
  }

  /** Stops a server left running on {@code dataDir} by a JVM that was killed. */
  static void stopOrphan(Path dataDir) {
    StaleServerProcess.stopIfRunning(pidFile(dataDir), "redis-server");
  }

  public synchronized int port() {
    requireStarted();
    return port;
  }

  public String url() {
    return "redis://" + HOST + ":" + port();
  }

  /** Stops Redis (SIGTERM: it fsyncs its append-only file and exits) and waits until it has. */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot stop Redis", e);
    } finally {
      server = null;
    }
  }

  private List<String> commandLine(File executable) {
    return List.of(
        executable.getAbsolutePath(),
        "--port",
        Integer.toString(port),
        "--bind",
        HOST,
        "--dir",
        dataDir.toString(),
        "--pidfile",
        pidFile(dataDir).toString(),
        "--daemonize",
        "no",
        "--appendonly",
        "yes",
        "--appendfsync",
        "everysec",
        // The append-only file is the durable copy; RDB snapshots on top would only add writes.
        "--save",
        "");
  }

  /**
   * The redis-server binary, unpacked once per binaries dir. It is unpacked into a private folder
   * and moved into place atomically: rewriting a binary that another process runs fails with "Text
   * file busy", and a half-written one must never be found.
   */
  private File executable() {
    try {
      Path staging = Files.createTempDirectory(binariesDir, "unpack-");
      try {
        File unpacked = ExecutableProvider.newJarResourceProvider(staging.toFile()).get();
        Path target = binariesDir.resolve(unpacked.getName());
        if (!Files.isExecutable(target)) {
          try {
            Files.move(unpacked.toPath(), target, StandardCopyOption.ATOMIC_MOVE);
          } catch (FileAlreadyExistsException raced) {
            // another process put the same binary in place first
          }
        }
        return target.toFile();
      } finally {
        try (var leftovers = Files.walk(staging)) {
          leftovers.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot unpack redis-server into " + binariesDir, e);
    }
  }

  private static Path pidFile(Path dataDir) {
    return dataDir.resolve("redis.pid");
  }

  private void requireStarted() {
    if (server == null) {
      throw new IllegalStateException("Redis is not running");
    }
  }
}
