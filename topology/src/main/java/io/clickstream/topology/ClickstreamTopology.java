package io.clickstream.topology;

import io.clickstream.model.Event;
import io.clickstream.model.EventSerde;
import io.clickstream.model.EventType;
import io.clickstream.platform.kafka.Topics;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import io.clickstream.topology.enrich.Paths;
import io.clickstream.topology.mirror.MirrorProcessor;
import io.clickstream.topology.mirror.MirrorSink;
import io.clickstream.topology.mirror.MirrorTarget;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The Kafka Streams topology. Every processor, store and internal topic is named, so the app runs
 * with {@code ensure.explicit.internal.resource.naming=true} and the names stay stable across
 * releases (renaming one would orphan its state).
 */
public final class ClickstreamTopology {
  public static final String PAGEVIEWS_BY_PATH_HOUR_STORE = "pageviews-by-path-hour-store";
  public static final String MIRROR_PENDING_STORE = "redis-mirror-pending-store";

  private static final Serde<String> STRING = Serdes.String();
  private static final Serde<Long> LONG = Serdes.Long();

  private ClickstreamTopology() {}

  public static Topology build(MirrorSink mirror, Duration mirrorInterval) {
    StreamsBuilder builder = new StreamsBuilder();
    EventSerde eventSerde = new EventSerde();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(MIRROR_PENDING_STORE), STRING, LONG));

    KStream<String, Event> events =
        builder.stream(
            Topics.EVENTS,
            Consumed.with(STRING, eventSerde)
                .withTimestampExtractor(new EventTimeExtractor())
                .withName("events-source"));

    events
        .filter((key, event) -> event.type() == EventType.PAGEVIEW, Named.as("pageviews-only"))
        .groupBy(
            (key, event) ->
                new PageBucketKey(
                        event.appId(), Interval.HOUR.bucketStart(event.ts()), Paths.of(event.url()))
                    .encode(),
            Grouped.with("pageviews-by-path-hour", STRING, eventSerde))
        .count(
            Named.as("pageviews-by-path-hour-count"),
            Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(
                    PAGEVIEWS_BY_PATH_HOUR_STORE)
                .withKeySerde(STRING)
                .withValueSerde(LONG))
        .toStream(Named.as("pageviews-by-path-hour-updates"))
        .process(
            () ->
                new MirrorProcessor<String>(
                    MIRROR_PENDING_STORE,
                    ClickstreamTopology::pageviewsTarget,
                    mirror,
                    mirrorInterval),
            Named.as("pageviews-by-path-hour-mirror"),
            MIRROR_PENDING_STORE);

    return builder.build();
  }

  private static MirrorTarget pageviewsTarget(String encodedKey) {
    PageBucketKey key = PageBucketKey.decode(encodedKey);
    return new MirrorTarget(
        RedisKeys.pagePageviews(key.appId(), Interval.HOUR, key.bucketStart()), key.path());
  }
}
