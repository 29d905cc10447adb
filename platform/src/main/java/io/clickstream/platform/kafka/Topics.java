package io.clickstream.platform.kafka;

import java.time.Duration;
import java.util.List;

/** Every topic of Clickstream, with its partitions, cleanup policy and retention. */
public final class Topics {

  /** Accepted events, keyed by {@code appId + ":" + visitorId}. */
  public static final String EVENTS = "clickstream.events";

  /** Rejected events with the reason they were rejected. */
  public static final String EVENTS_DLQ = "clickstream.events.dlq";

  /** Sessions emitted by the topology; co-partitioned with {@link #EVENTS}. */
  public static final String SESSIONS = "clickstream.sessions";

  // Configuration published by the metadata API through its outbox; read as GlobalKTables.
  public static final String CONFIG_APPS = "clickstream.config.apps";
  public static final String CONFIG_TOKEN_REVOCATIONS = "clickstream.config.token-revocations";
  public static final String CONFIG_FUNNELS = "clickstream.config.funnels";
  public static final String CONFIG_PRODUCTS = "clickstream.config.products";

  public static final int DEFAULT_EVENT_PARTITIONS = 6;

  /** Side topics (dead letters, configuration) are small: a few partitions are plenty. */
  private static final int SIDE_TOPIC_PARTITIONS = 3;

  private static final long SEVEN_DAYS_MS = Duration.ofDays(7).toMillis();

  private Topics() {}

  public static List<TopicSpec> all() {
    return all(DEFAULT_EVENT_PARTITIONS);
  }

  /**
   * All topics, with {@code eventPartitions} partitions for the event-keyed topics ({@link
   * #EVENTS}, {@link #SESSIONS}). The side topics keep 3 partitions, or fewer when {@code
   * eventPartitions} is smaller (so a test can run everything on one partition).
   */
  public static List<TopicSpec> all(int eventPartitions) {
    int side = Math.min(SIDE_TOPIC_PARTITIONS, eventPartitions);
    return List.of(
        new TopicSpec(EVENTS, eventPartitions, false, SEVEN_DAYS_MS),
        new TopicSpec(EVENTS_DLQ, side, false, SEVEN_DAYS_MS),
        new TopicSpec(SESSIONS, eventPartitions, false, SEVEN_DAYS_MS),
        configTopic(CONFIG_APPS, side),
        configTopic(CONFIG_TOKEN_REVOCATIONS, side),
        configTopic(CONFIG_FUNNELS, side),
        configTopic(CONFIG_PRODUCTS, side));
  }

  // A configuration topic holds the latest value per key, forever.
  private static TopicSpec configTopic(String name, int partitions) {
    return new TopicSpec(name, partitions, true, TopicSpec.RETAIN_FOREVER);
  }
}
