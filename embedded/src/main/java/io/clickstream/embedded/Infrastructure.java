package io.clickstream.embedded;

import io.clickstream.platform.kafka.TopicInitializer;
import io.clickstream.platform.kafka.TopicSpec;
import io.clickstream.platform.kafka.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka, PostgreSQL and Redis for {@code clickstream dev} and for tests: each service runs embedded
 * unless an external address is given for it. Once Kafka is reachable, every topic exists and takes
 * writes.
 *
 * <p>Layout of the data directory: {@code kafka/}, {@code postgres/}, {@code redis/}.
 */
public final class Infrastructure implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);
  private static final int MAX_REPLICATION_FACTOR = 3;

  private final ExternalServices external;
  private final Path dataDir;
  private final List<TopicSpec> topics;
  private final EmbeddedKafka kafka;
  private final EmbeddedPostgresServer postgres;
  private final EmbeddedRedis redis;

  private volatile String kafkaBootstrapServers;
  private volatile String databaseUrl;
  private volatile String redisUrl;

  /**
   * @param dataDir where the embedded services keep their data
   * @param binariesDir where the PostgreSQL and Redis binaries are unpacked (may be shared by
   *     several data directories)
   */
  public Infrastructure(
      ExternalServices external,
      Path dataDir,
      Path binariesDir,
      Ports ports,
      List<TopicSpec> topics) {
    this.external = external;
    this.dataDir = dataDir.toAbsolutePath();
    this.topics = List.copyOf(topics);
    this.kafka =
        new EmbeddedKafka(this.dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController());
    this.postgres =
        new EmbeddedPostgresServer(
            this.dataDir.resolve("postgres"), binariesDir.resolve("postgres"), ports.postgres());
    this.redis =
        new EmbeddedRedis(
            this.dataDir.resolve("redis"), binariesDir.resolve("redis"), ports.redis());
  }

  /** What {@code clickstream dev} runs: the fixed dev ports, binaries under the data directory. */
  public static Infrastructure dev(ExternalServices external, Path dataDir) {
    return new Infrastructure(
        external, dataDir, dataDir.resolve("binaries"), Ports.dev(), Topics.all());
  }

  /**
   * Starts the embedded services (in parallel) and creates the topics. When anything fails, what
   * was started is stopped again.
   */
  public synchronized Infrastructure start() {
    ExecutorService starter =
        Executors.newFixedThreadPool(
            3,
            task -> {
              Thread thread = new Thread(task, "infrastructure-start");
              thread.setDaemon(true);
              return thread;
            });
    try {
      CompletableFuture<Void> kafkaReady = CompletableFuture.runAsync(this::startKafka, starter);
      CompletableFuture<Void> postgresReady =
          CompletableFuture.runAsync(this::startPostgres, starter);
      CompletableFuture<Void> redisReady = CompletableFuture.runAsync(this::startRedis, starter);
      CompletableFuture.allOf(kafkaReady, postgresReady, redisReady).get();
      return this;
    } catch (ExecutionException e) {
      closeAfterFailure(e.getCause());
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException("Cannot start the infrastructure", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeAfterFailure(e);
      throw new IllegalStateException("Interrupted while starting the infrastructure", e);
    } finally {
      starter.shutdownNow();
    }
  }

  /** Bootstrap servers of the Kafka cluster, e.g. {@code 127.0.0.1:9092}. */
  public String kafkaBootstrapServers() {
    return requireStarted(kafkaBootstrapServers, "Kafka");
  }

  /** {@code postgresql://user:password@host:port/database} */
  public String databaseUrl() {
    return requireStarted(databaseUrl, "PostgreSQL");
  }

  /** {@code redis://host:port} */
  public String redisUrl() {
    return requireStarted(redisUrl, "Redis");
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Stops the embedded services in the reverse order of their start. */
  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    for (AutoCloseable service : List.<AutoCloseable>of(redis, postgres, kafka)) {
      try {
        service.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("Cannot stop all services", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    kafkaBootstrapServers = null;
    databaseUrl = null;
    redisUrl = null;
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Deletes a data directory, stopping first any PostgreSQL or Redis left running on it by a JVM
   * that was killed.
   */
  public static void deleteData(Path dataDir) {
    Path dir = dataDir.toAbsolutePath();
    if (!Files.exists(dir)) {
      return;
    }
    EmbeddedPostgresServer.stopOrphan(dir.resolve("postgres"));
    EmbeddedRedis.stopOrphan(dir.resolve("redis"));
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e)
                throws IOException {
              if (e != null) {
                throw e;
              }
              Files.delete(directory);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }

  private void startKafka() {
    long started = System.nanoTime();
    Optional<String> externalKafka = external.kafkaBootstrapServers();
    if (externalKafka.isEmpty()) {
      kafka.start();
    }
    String bootstrapServers = externalKafka.orElseGet(kafka::bootstrapServers);
    long brokerReady = System.nanoTime();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      short replicationFactor = externalKafka.isPresent() ? replicationFactorFor(admin) : 1;
      new TopicInitializer(admin, replicationFactor).initialize(topics);
    }
    kafkaBootstrapServers = bootstrapServers;
    log.info(
        "{} {} at {} ready in {} ms ({} topics ready in {} ms)",
        label("Kafka"),
        externalKafka.isPresent() ? "external" : "embedded",
        bootstrapServers,
        millisSince(started),
        topics.size(),
        millisSince(brokerReady));
  }

  private void startPostgres() {
    startOrUseExternal(
        "PostgreSQL",
        external.databaseUrl(),
        postgres::start,
        postgres::databaseUrl,
        url -> databaseUrl = url);
  }

  private void startRedis() {
    startOrUseExternal(
        "Redis", external.redisUrl(), redis::start, redis::url, url -> redisUrl = url);
  }

  private static void startOrUseExternal(
      String name,
      Optional<String> externalUrl,
      Runnable start,
      Supplier<String> embeddedUrl,
      Consumer<String> publish) {
    if (externalUrl.isPresent()) {
      publish.accept(externalUrl.get());
      log.info("{} external at {}", label(name), redactPassword(externalUrl.get()));
      return;
    }
    long started = System.nanoTime();
    start.run();
    String url = embeddedUrl.get();
    publish.accept(url);
    log.info(
        "{} embedded at {} ready in {} ms", label(name), redactPassword(url), millisSince(started));
  }

  // A cluster of three or more brokers gets three replicas; a smaller one as many as it has.
  private static short replicationFactorFor(Admin admin) {
    try {
      int brokers = admin.describeCluster().nodes().get(60, TimeUnit.SECONDS).size();
      return (short) Math.max(1, Math.min(MAX_REPLICATION_FACTOR, brokers));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while describing the Kafka cluster", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot reach Kafka to describe the cluster", e);
    }
  }

  private void closeAfterFailure(Throwable cause) {
    try {
      close();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  // Pads service names so that the addresses line up in the log.
  private static String label(String service) {
    return String.format("%-10s", service);
  }

  private static String redactPassword(String url) {
    return url.replaceFirst("://([^:/@]+):[^@]*@", "://$1:***@");
  }

  private static long millisSince(long nanoTime) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
  }

  private static String requireStarted(String address, String service) {
    if (address == null) {
      throw new IllegalStateException(service + " is not started");
    }
    return address;
  }
}
