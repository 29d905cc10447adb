package io.clickstream.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics that are missing and returns once every partition of every topic accepts
 * writes. Safe to run at every start, by several processes at once.
 *
 * <p>Waiting matters: {@code createTopics().all().get()} returns before the partition leaders take
 * writes, and an idempotent producer's first batches can then fail for good (KAFKA-15591). A
 * partition whose latest offset can be listed has a leader that serves it.
 */
public final class TopicInitializer {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);
  private static final long RETRY_BACKOFF_MS = 50;

  private final Admin admin;
  private final short replicationFactor;
  private final Duration timeout;

  public TopicInitializer(Admin admin, short replicationFactor) {
    this(admin, replicationFactor, DEFAULT_TIMEOUT);
  }

  public TopicInitializer(Admin admin, short replicationFactor, Duration timeout) {
    if (replicationFactor < 1) {
      throw new IllegalArgumentException("replication factor must be at least 1");
    }
    this.admin = admin;
    this.replicationFactor = replicationFactor;
    this.timeout = timeout;
  }

  /** Initializes the topics with a short-lived {@link Admin} client. */
  public static List<String> initialize(
      String bootstrapServers, short replicationFactor, List<TopicSpec> specs) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      return new TopicInitializer(admin, replicationFactor).initialize(specs);
    }
  }

  /**
   * @return the names of the topics this call created (empty when they all existed)
   * @throws IllegalStateException when the topics cannot be created or do not accept writes within
   *     the timeout
   */
  public List<String> initialize(List<TopicSpec> specs) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> created = createMissing(specs, deadline);
    Map<String, TopicDescription> descriptions = awaitWritable(specs, deadline);
    warnAboutTooFewPartitions(specs, descriptions);
    return created;
  }

  private List<String> createMissing(List<TopicSpec> specs, long deadline) {
    Set<String> existing =
        await(
            admin.listTopics(new ListTopicsOptions().timeoutMs(timeoutMs(deadline))).names(),
            deadline,
            "list topics");
    List<TopicSpec> missing = specs.stream().filter(s -> !existing.contains(s.name())).toList();
    if (missing.isEmpty()) {
      return List.of();
    }
    List<NewTopic> newTopics = missing.stream().map(s -> s.toNewTopic(replicationFactor)).toList();
    Map<String, KafkaFuture<Void>> results =
        admin
            .createTopics(newTopics, new CreateTopicsOptions().timeoutMs(timeoutMs(deadline)))
            .values();
    List<String> created = new ArrayList<>();
    for (TopicSpec spec : missing) {
      try {
        await(results.get(spec.name()), deadline, "create topic " + spec.name());
        created.add(spec.name());
        log.info(
            "Created topic {} ({} partitions, {}, replication factor {})",
            spec.name(),
            spec.partitions(),
            describeRetention(spec),
            replicationFactor);
      } catch (IllegalStateException e) {
        // Another process starting at the same time created it first: that is fine.
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
    return created;
  }

  private Map<String, TopicDescription> awaitWritable(List<TopicSpec> specs, long deadline) {
    Set<String> names = specs.stream().map(TopicSpec::name).collect(Collectors.toSet());
    Throwable lastFailure = null;
    while (System.nanoTime() < deadline) {
      try {
        Map<String, TopicDescription> descriptions =
            admin
                .describeTopics(names, new DescribeTopicsOptions().timeoutMs(timeoutMs(deadline)))
                .allTopicNames()
                .get(remainingMs(deadline), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicDescription description : descriptions.values()) {
          for (TopicPartitionInfo partition : description.partitions()) {
            latest.put(
                new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest());
          }
        }
        admin
            .listOffsets(latest, new ListOffsetsOptions().timeoutMs(timeoutMs(deadline)))
            .all()
            .get(remainingMs(deadline), TimeUnit.MILLISECONDS);
        return descriptions;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException)) {
          throw new IllegalStateException("Cannot check topics " + names, e.getCause());
        }
        lastFailure = e.getCause();
      } catch (TimeoutException e) {
        lastFailure = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for topics " + names, e);
      }
      sleep(RETRY_BACKOFF_MS);
    }
    throw new IllegalStateException(
        "Topics " + names + " did not accept writes within " + timeout + ": " + lastFailure,
        lastFailure);
  }

  private static void warnAboutTooFewPartitions(
      List<TopicSpec> specs, Map<String, TopicDescription> descriptions) {
    for (TopicSpec spec : specs) {
      int actual = descriptions.get(spec.name()).partitions().size();
      if (actual < spec.partitions()) {
        log.warn(
            "Topic {} has {} partitions, fewer than the {} it should have: add partitions with"
                + " kafka-topics --alter (keyed data moves to other partitions)",
            spec.name(),
            actual,
            spec.partitions());
      }
    }
  }

  private <T> T await(KafkaFuture<T> future, long deadline, String what) {
    try {
      return future.get(remainingMs(deadline), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot " + what + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Cannot " + what + " within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + what, e);
    }
  }

  private static String describeRetention(TopicSpec spec) {
    String policy = spec.compacted() ? "compacted" : "delete";
    if (spec.retentionMs() == TopicSpec.RETAIN_FOREVER) {
      return policy + ", kept forever";
    }
    Duration retention = Duration.ofMillis(spec.retentionMs());
    long days = retention.toDays();
    return policy
        + ", kept "
        + (retention.equals(Duration.ofDays(days)) ? days + " days" : retention);
  }

  private static long remainingMs(long deadline) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }

  private static int timeoutMs(long deadline) {
    return (int) Math.min(Integer.MAX_VALUE, remainingMs(deadline));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for topics", e);
    }
  }
}
