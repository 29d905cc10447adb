package io.clickstream.metadata.outbox;

import io.clickstream.metadata.db.Sql;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox rows to Kafka, in id order, and marks them sent only after Kafka acknowledged them
 * (acks=all, idempotent producer). A crash between the acknowledgement and the mark sends those
 * rows again after the restart, in the same order: delivery is at least once, and the compacted
 * topics keep the last value per key either way. Each record carries its outbox id in the header
 * {@value #OUTBOX_ID_HEADER}, by which a reader can drop such repeats.
 *
 * <p>Only one relay works at a time, among all instances of the metadata API: each batch runs in a
 * transaction holding a PostgreSQL advisory lock, so two relays never interleave a key. The relay
 * sleeps on LISTEN until the outbox trigger's NOTIFY (or the poll interval) wakes it.
 */
public final class OutboxRelay implements AutoCloseable {
  public static final String OUTBOX_ID_HEADER = "clickstream-outbox-id";
  static final String CHANNEL = "clickstream_outbox";
  // An arbitrary constant that names "the outbox relay" among advisory locks.
  private static final long RELAY_LOCK = 0x436c69636b4f7574L;
  private static final Duration RETENTION = Duration.ofDays(7);
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final DataSource dataSource;
  private final Map<String, Object> producerConfig;
  private final Duration pollInterval;
  private final int batchSize;
  private final Thread thread;
  private final Counter relayed;
  private final AtomicLong oldestUnsentAgeMs = new AtomicLong();
  private volatile boolean running = true;
  private Producer<String, byte[]> producer;
  private Connection listener;
  private Instant lastPrune = Instant.EPOCH;

  public OutboxRelay(
      DataSource dataSource,
      String bootstrapServers,
      Duration pollInterval,
      int batchSize,
      MeterRegistry registry) {
    this.dataSource = dataSource;
    this.pollInterval = pollInterval;
    this.batchSize = batchSize;
    this.producerConfig =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.CLIENT_ID_CONFIG,
            "clickstream-metadata-outbox",
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            5,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            10_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            30_000,
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            10_000);
    this.relayed = Counter.builder("metadata.outbox.relayed").register(registry);
    Gauge.builder("metadata.outbox.oldest.unsent.age.ms", oldestUnsentAgeMs, AtomicLong::get)
        .register(registry);
    this.thread = new Thread(this::run, "outbox-relay");
    this.thread.setDaemon(true);
  }

  public OutboxRelay start() {
    thread.start();
    return this;
  }

  /** Stops after the batch in flight (which is then either marked sent or not at all). */
  @Override
  public void close() {
    running = false;
    wakeUp();
    try {
      thread.join(Duration.ofSeconds(40).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    Duration backoff = Duration.ofMillis(100);
    while (running) {
      try {
        int sent = relayBatch();
        backoff = Duration.ofMillis(100);
        if (sent < batchSize && running) {
          pruneIfDue();
          awaitNotification();
        }
      } catch (Exception e) {
        log.warn("Outbox relay failed, retrying in {} ms: {}", backoff.toMillis(), e.toString());
        resetProducer();
        closeListener();
        sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
    resetProducer();
    closeListener();
  }

  private record Row(long id, String topic, String key, String payload) {}

  /** One batch under the relay lock; returns how many rows it sent (0 when another relay works). */
  int relayBatch() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean mine =
            Sql.one(c, "SELECT pg_try_advisory_xact_lock(?)", row -> row.getBoolean(1), RELAY_LOCK)
                .orElse(false);
        if (!mine) {
          c.rollback();
          return 0;
        }
        List<Row> rows =
            Sql.list(
                c,
                "SELECT id, topic, record_key, payload FROM outbox WHERE sent_at IS NULL"
                    + " ORDER BY id LIMIT ?",
                row ->
                    new Row(
                        row.getLong("id"),
                        row.getString("topic"),
                        row.getString("record_key"),
                        row.getString("payload")),
                batchSize);
        oldestUnsentAgeMs.set(rows.isEmpty() ? 0 : ageOfOldest(c));
        if (rows.isEmpty()) {
          c.rollback();
          return 0;
        }
        send(rows);
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        Sql.update(c, "UPDATE outbox SET sent_at = now() WHERE id = ANY(?)", (Object) ids);
        c.commit();
        relayed.increment(rows.size());
        return rows.size();
      } catch (Exception e) {
        c.rollback();
        throw e;
      }
    }
  }

  private void send(List<Row> rows) throws Exception {
    if (producer == null) {
      producer =
          new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    }
    List<Future<?>> acks = new ArrayList<>(rows.size());
    for (Row row : rows) {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(
              row.topic(),
              row.key(),
              row.payload() == null ? null : row.payload().getBytes(StandardCharsets.UTF_8));
      record
          .headers()
          .add(OUTBOX_ID_HEADER, Long.toString(row.id()).getBytes(StandardCharsets.UTF_8));
      acks.add(producer.send(record));
    }
    producer.flush();
    for (Future<?> ack : acks) {
      ack.get(60, TimeUnit.SECONDS);
    }
  }

  private long ageOfOldest(Connection c) throws SQLException {
    return Sql.one(
            c,
            "SELECT (extract(epoch FROM now() - min(created_at)) * 1000)::bigint FROM outbox"
                + " WHERE sent_at IS NULL",
            row -> row.getLong(1))
        .orElse(0L);
  }

  private void awaitNotification() throws SQLException {
    if (listener == null) {
      listener = dataSource.getConnection();
      listener.setAutoCommit(true);
      try (Statement statement = listener.createStatement()) {
        statement.execute("LISTEN " + CHANNEL);
      }
    }
    listener.unwrap(PGConnection.class).getNotifications((int) pollInterval.toMillis());
  }

  private void pruneIfDue() throws SQLException {
    Instant now = Instant.now();
    if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) < 0) {
      return;
    }
    lastPrune = now;
    try (Connection c = dataSource.getConnection()) {
      int pruned = Sql.update(c, "DELETE FROM outbox WHERE sent_at < ?", now.minus(RETENTION));
      if (pruned > 0) {
        log.info("Pruned {} outbox rows sent more than {} ago", pruned, RETENTION);
      }
    }
  }

  /** A NOTIFY on the relay's channel, so that a waiting relay looks at once (best effort). */
  private void wakeUp() {
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement()) {
      statement.execute("NOTIFY " + CHANNEL);
    } catch (SQLException e) {
      // The relay then wakes at its next poll.
    }
  }

  private void resetProducer() {
    if (producer != null) {
      // Nothing unacknowledged may be retried behind the rows that are sent again next.
      producer.close(Duration.ZERO);
      producer = null;
    }
  }

  private void closeListener() {
    if (listener != null) {
      try {
        listener.close();
      } catch (SQLException e) {
        // It was broken anyway.
      }
      listener = null;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
