package io.clickstream.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest value per key of a compacted topic, kept in memory and up to date: a consumer without
 * a group, assigned to every partition, reads the topic from the beginning and then forever. A
 * tombstone (null value) removes its key. Made for the small {@code clickstream.config.*} topics,
 * which every collector and query API instance reads whole.
 *
 * <p>{@link #awaitCaughtUp(Duration)} waits until the view holds everything that was on the topic
 * when it started (the end offsets taken then), so a process can refuse work until it knows its
 * configuration. Listeners hear of every change, on the view's own thread.
 *
 * <p>A value that cannot be decoded is skipped with a warning (naming its partition and offset,
 * never its content), and the key keeps its previous value: one bad record must not stop the view.
 */
public final class CompactedTopicView<V> implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CompactedTopicView.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);
  private static final Duration PARTITION_REFRESH = Duration.ofSeconds(30);

  /** Hears of one change: {@code newValue} is null when the key was removed. */
  @FunctionalInterface
  public interface ChangeListener<V> {
    void changed(String key, V oldValue, V newValue);
  }

  private final String topic;
  private final Function<byte[], V> decoder;
  private final Properties consumerConfig;
  private final Map<String, V> values = new ConcurrentHashMap<>();
  private final List<ChangeListener<V>> listeners = new CopyOnWriteArrayList<>();
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile KafkaConsumer<String, byte[]> consumer;

  /**
   * @param decoder turns a record value into {@code V}; it may throw on corrupt data
   * @param consumerOverrides raw consumer properties that win over the defaults (security settings,
   *     say)
   */
  public CompactedTopicView(
      String bootstrapServers,
      String topic,
      Function<byte[], V> decoder,
      String clientId,
      Map<String, ?> consumerOverrides) {
    this.topic = topic;
    this.decoder = decoder;
    this.consumerConfig = new Properties();
    consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Config is published through a transactional outbox: aborted writes must never apply.
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.putAll(consumerOverrides);
    this.thread = new Thread(this::run, "view-" + topic);
    thread.setDaemon(true);
  }

  public CompactedTopicView(
      String bootstrapServers, String topic, Function<byte[], V> decoder, String clientId) {
    this(bootstrapServers, topic, decoder, clientId, Map.of());
  }

  /** Registers a listener; add listeners before {@link #start()} to hear of the initial load. */
  public CompactedTopicView<V> addListener(ChangeListener<V> listener) {
    listeners.add(listener);
    return this;
  }

  public CompactedTopicView<V> start() {
    thread.start();
    return this;
  }

  /**
   * Waits until the view has read everything the topic held when the view started.
   *
   * @return whether it has, within the timeout
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isCaughtUp() {
    return caughtUp.getCount() == 0;
  }

  public Optional<V> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** A copy of every key and its latest value. */
  public Map<String, V> snapshot() {
    return Map.copyOf(values);
  }

  public int size() {
    return values.size();
  }

  public String topic() {
    return topic;
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup(); // an interrupt instead would make the consumer's close fail noisily
    }
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (running) {
      try (KafkaConsumer<String, byte[]> opened =
          new KafkaConsumer<>(
              consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
        consumer = opened;
        readForever(opened);
      } catch (WakeupException | InterruptException e) {
        // close() was called.
      } catch (KafkaException e) {
        if (running) {
          log.warn("Reading {} failed, starting over: {}", topic, e.toString());
          pause();
        }
      } finally {
        consumer = null;
      }
    }
  }

  private void readForever(KafkaConsumer<String, byte[]> consumer) {
    Set<TopicPartition> partitions = awaitPartitions(consumer);
    if (partitions.isEmpty()) {
      return; // closed while waiting
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> startEnd = new HashMap<>(consumer.endOffsets(partitions));
    long partitionsCheckedAt = System.nanoTime();
    while (running) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL_TIMEOUT)) {
        apply(record);
      }
      if (!isCaughtUp() && reached(consumer, startEnd)) {
        log.info("{}: caught up with {} keys", topic, values.size());
        caughtUp.countDown();
      }
      if (System.nanoTime() - partitionsCheckedAt > PARTITION_REFRESH.toNanos()) {
        partitionsCheckedAt = System.nanoTime();
        addNewPartitions(consumer);
      }
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    String key = record.key();
    if (key == null) {
      log.warn(
          "{}: skipping a record without a key at offset {}", partitionOf(record), record.offset());
      return;
    }
    V oldValue;
    V newValue;
    if (record.value() == null) {
      newValue = null;
      oldValue = values.remove(key);
    } else {
      try {
        newValue = decoder.apply(record.value());
      } catch (RuntimeException e) {
        log.warn(
            "{}: skipping an unreadable value at offset {}: {}",
            partitionOf(record),
            record.offset(),
            e.getClass().getSimpleName());
        return;
      }
      oldValue = values.put(key, newValue);
    }
    for (ChangeListener<V> listener : listeners) {
      try {
        listener.changed(key, oldValue, newValue);
      } catch (RuntimeException e) {
        log.warn("{}: a change listener failed", topic, e);
      }
    }
  }

  private static boolean reached(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> endOffsets) {
    for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** Waits for the topic's metadata; a missing topic is retried (it may not be created yet). */
  private Set<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> consumer) {
    boolean warned = false;
    while (running) {
      Set<TopicPartition> partitions = partitions(consumer);
      if (!partitions.isEmpty()) {
        return partitions;
      }
      if (!warned) {
        log.warn("Topic {} does not exist yet; waiting for it", topic);
        warned = true;
      }
      pause();
    }
    return Set.of();
  }

  private void addNewPartitions(KafkaConsumer<String, byte[]> consumer) {
    Set<TopicPartition> current = consumer.assignment();
    Set<TopicPartition> all = partitions(consumer);
    Set<TopicPartition> added = new HashSet<>(all);
    added.removeAll(current);
    if (!added.isEmpty()) {
      log.info("{}: reading {} new partitions", topic, added.size());
      List<TopicPartition> assignment = new ArrayList<>(current);
      assignment.addAll(added);
      consumer.assign(assignment);
      consumer.seekToBeginning(added);
    }
  }

  private Set<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic);
    Set<TopicPartition> partitions = new HashSet<>();
    if (infos != null) {
      for (PartitionInfo info : infos) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
    }
    return partitions;
  }

  private static String partitionOf(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition();
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_BACKOFF.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
