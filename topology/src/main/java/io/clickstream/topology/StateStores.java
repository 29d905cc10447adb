package io.clickstream.topology;

import io.clickstream.model.JsonSerde;
import io.clickstream.model.config.ProductInfo;
import io.clickstream.platform.kafka.TopicSpec;
import io.clickstream.platform.time.Interval;
import io.clickstream.topology.activity.ActivityFeedProcessor;
import io.clickstream.topology.aggregate.AggregateProcessor;
import io.clickstream.topology.aggregate.StageRecord.LiveFigures;
import io.clickstream.topology.funnel.FunnelAttempt;
import io.clickstream.topology.funnel.FunnelTracker;
import io.clickstream.topology.live.LiveTracker;
import io.clickstream.topology.product.ProductInfoProcessor;
import io.clickstream.topology.retention.ActiveWeeks;
import io.clickstream.topology.retention.RetentionTracker;
import io.clickstream.topology.session.EventProcessor;
import io.clickstream.topology.session.SessionState;
import io.clickstream.topology.visitor.JourneySession;
import io.clickstream.topology.visitor.VisitorJourneyProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Every state store of the topology in one list: it builds the stores, and it names their changelog
 * topics with the configuration Kafka Streams would give them, so that they can be created and
 * waited for before the first start (KAFKA-15591 loses a new topic's first writes).
 */
final class StateStores {
  /** Kafka Streams' default {@code windowstore.changelog.additional.retention.ms}. */
  private static final Duration CHANGELOG_EXTRA_RETENTION = Duration.ofDays(1);

  enum Kind {
    KEY_VALUE,
    WINDOW,
    SESSION
  }

  /**
   * One store: what it holds and for how long. Small, short-lived stores (pending work, recent
   * sightings) live in memory; they are changelogged all the same, so they are restored after a
   * crash and commit with the input offsets. The aggregates, sessions and dedupe ids are RocksDB.
   *
   * <p>A store whose keys are rewritten between two commits (a live counter, a changed session, an
   * hour's sketch) is cached, so a key reaches its changelog once per commit, not once per write.
   * The others are not: keys written about once (an event id, a journey event, a first sighting)
   * gain nothing from it, and keys per visitor or per minute bucket outgrow it. Cached, they filled
   * the thread's cache, and an insert into a full cache evicts from the store written to, which
   * flushes all of that store's dirty entries: the hot stores were flushed on nearly every write
   * (docs/topology.md).
   */
  record Spec(
      String name,
      Kind kind,
      Duration retention,
      Duration windowSize,
      Serde<?> keySerde,
      Serde<?> valueSerde,
      boolean inMemory,
      boolean cached) {

    /** The same store without a record cache. */
    Spec uncached() {
      return new Spec(name, kind, retention, windowSize, keySerde, valueSerde, inMemory, false);
    }

    StoreBuilder<?> builder() {
      StoreBuilder<?> builder = plainBuilder();
      return cached ? builder.withCachingEnabled() : builder.withCachingDisabled();
    }

    private StoreBuilder<?> plainBuilder() {
      return switch (kind) {
        case KEY_VALUE ->
            Stores.keyValueStoreBuilder(
                inMemory
                    ? Stores.inMemoryKeyValueStore(name)
                    : Stores.persistentKeyValueStore(name),
                keySerde,
                valueSerde);
        case WINDOW ->
            Stores.windowStoreBuilder(
                inMemory
                    ? Stores.inMemoryWindowStore(name, retention, windowSize, false)
                    : Stores.persistentWindowStore(name, retention, windowSize, false),
                keySerde,
                valueSerde);
        case SESSION ->
            Stores.sessionStoreBuilder(
                Stores.persistentSessionStore(name, retention), keySerde, valueSerde);
      };
    }

    TopicSpec changelog(String applicationId, int partitions) {
      String topic = applicationId + "-" + name + "-changelog";
      return kind == Kind.KEY_VALUE
          ? new TopicSpec(topic, partitions, true, TopicSpec.RETAIN_FOREVER)
          : new TopicSpec(
              topic, partitions, true, retention.plus(CHANGELOG_EXTRA_RETENTION).toMillis());
    }
  }

  private StateStores() {}

  static List<Spec> stageOne() {
    Serde<String> string = Serdes.String();
    Serde<Long> number = Serdes.Long();
    JsonSerde<SessionState> session = new JsonSerde<>(SessionState.class);
    return List.of(
        window(
                EventProcessor.DEDUPE_STORE,
                EventProcessor.DEDUPE_WINDOW.plusHours(1),
                Duration.ofMillis(1),
                number)
            .uncached(),
        new Spec(
            EventProcessor.SESSION_STORE,
            Kind.SESSION,
            EventProcessor.MAX_SESSION_GAP.plus(EventProcessor.SESSION_GRACE),
            null,
            string,
            session,
            false,
            false),
        keyValue(EventProcessor.PENDING_COUNTS_STORE, Serdes.ByteArray()).uncached(),
        keyValue(EventProcessor.PENDING_VISITS_STORE, Serdes.ByteArray()).uncached(),
        keyValue(EventProcessor.DIRTY_SESSIONS_STORE, session),
        keyValue(LiveTracker.VISITORS_STORE, number).uncached(),
        keyValue(LiveTracker.EVENTS_STORE, number),
        persistentKeyValue(FunnelTracker.ATTEMPTS_STORE, new JsonSerde<>(FunnelAttempt.class))
            .uncached(),
        persistentKeyValue(RetentionTracker.WEEKS_STORE, new JsonSerde<>(ActiveWeeks.class))
            .uncached());
  }

  /** The activity feed's pending events, in the stage-1 task. */
  static List<Spec> activityFeed() {
    return List.of(keyValue(ActivityFeedProcessor.PENDING_STORE, Serdes.ByteArray()).uncached());
  }

  /** The per-visitor journeys, in the stage-1 task (queried interactively). */
  static List<Spec> visitorJourneys() {
    return List.of(
        persistentKeyValue(
                VisitorJourneyProcessor.SESSIONS_STORE, new JsonSerde<>(JourneySession.class))
            .uncached(),
        persistentKeyValue(VisitorJourneyProcessor.EVENTS_STORE, Serdes.ByteArray()).uncached());
  }

  /**
   * The product catalogue and its pending mirror writes: small, in memory. Partitioned like {@code
   * clickstream.config.products}, not like the events.
   */
  static List<Spec> productInfo() {
    return List.of(
        keyValue(ProductInfoProcessor.INFO_STORE, new JsonSerde<>(ProductInfo.class)),
        keyValue(ProductInfoProcessor.MIRROR_PENDING_STORE, Serdes.ByteArray()));
  }

  static List<Spec> stageTwo() {
    List<Spec> specs = new ArrayList<>();
    for (Interval interval : Interval.values()) {
      Duration size = Duration.ofMillis(interval.millis());
      Spec counters =
          window(
              AggregateProcessor.counterStore(interval), interval.retention(), size, Serdes.Long());
      Spec sketches =
          window(
              AggregateProcessor.sketchStore(interval),
              interval.retention(),
              size,
              Serdes.ByteArray());
      boolean minute = interval == Interval.MINUTE;
      specs.add(minute ? counters.uncached() : counters);
      specs.add(minute ? sketches.uncached() : sketches);
    }
    specs.add(keyValue(AggregateProcessor.LIVE_STORE, new JsonSerde<>(LiveFigures.class)));
    specs.add(keyValue(AggregateProcessor.MIRROR_PENDING_STORE, Serdes.ByteArray()));
    Duration day = Duration.ofMillis(Interval.DAY.millis());
    specs.add(
        window(
            AggregateProcessor.SERVING_COUNTS_STORE, Interval.DAY.retention(), day, Serdes.Long()));
    specs.add(
        window(
            AggregateProcessor.SERVING_QUANTILES_STORE,
            Interval.DAY.retention(),
            day,
            Serdes.ByteArray()));
    return specs;
  }

  static String[] names(List<Spec> specs) {
    return specs.stream().map(Spec::name).toArray(String[]::new);
  }

  /** A small key-value store of pending or recent things: in memory. */
  private static Spec keyValue(String name, Serde<?> values) {
    return new Spec(name, Kind.KEY_VALUE, null, null, Serdes.String(), values, true, true);
  }

  /** A key-value store that grows with the visitors: RocksDB. */
  private static Spec persistentKeyValue(String name, Serde<?> values) {
    return new Spec(name, Kind.KEY_VALUE, null, null, Serdes.String(), values, false, true);
  }

  /** A window store that grows with the data: RocksDB. */
  private static Spec window(String name, Duration retention, Duration size, Serde<?> values) {
    return new Spec(name, Kind.WINDOW, retention, size, Serdes.String(), values, false, true);
  }
}
