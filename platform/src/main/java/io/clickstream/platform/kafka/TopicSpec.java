package io.clickstream.platform.kafka;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What a topic must look like: its name, partition count, cleanup policy and retention.
 *
 * @param retentionMs how long records are kept; {@link #RETAIN_FOREVER} keeps them forever. A
 *     compacted topic with a retention is {@code compact,delete}: compacted, and old keys deleted
 *     too (what Kafka Streams uses for windowed changelogs).
 */
public record TopicSpec(String name, int partitions, boolean compacted, long retentionMs) {

  public static final long RETAIN_FOREVER = -1L;

  public TopicSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException(name + ": partitions must be at least 1: " + partitions);
    }
    if (retentionMs < RETAIN_FOREVER || retentionMs == 0) {
      throw new IllegalArgumentException(name + ": retentionMs must be positive or -1");
    }
  }

  /**
   * The topic to create. {@code min.insync.replicas} is left to the broker's default, so a
   * cluster's own policy applies.
   */
  public NewTopic toNewTopic(short replicationFactor) {
    return new NewTopic(name, partitions, replicationFactor)
        .configs(
            Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                cleanupPolicy(),
                TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(retentionMs)));
  }

  private String cleanupPolicy() {
    if (!compacted) {
      return TopicConfig.CLEANUP_POLICY_DELETE;
    }
    return retentionMs == RETAIN_FOREVER
        ? TopicConfig.CLEANUP_POLICY_COMPACT
        : TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE;
  }
}
