package io.clickstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.embedded.TestServices;
import io.clickstream.model.Event;
import io.clickstream.model.EventSerde;
import io.clickstream.model.EventType;
import io.clickstream.platform.kafka.Topics;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import io.clickstream.topology.mirror.RedisMirrorSink;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** The walking skeleton's aggregate: pageviews per path per UTC hour, mirrored to Redis. */
class PageviewsByPathTest {
  private static final Instant HOUR_10 = Instant.parse("2026-11-20T10:00:00Z");
  private static final Duration MIRROR_INTERVAL = Duration.ofMillis(100);

  private final String appId = "app-" + UUID.randomUUID().toString().substring(0, 8);
  private final JedisPooled redis = new JedisPooled(URI.create(TestServices.get().redisUrl()));
  private RedisMirrorSink sink;
  private TopologyTestDriver driver;
  private TestInputTopic<String, Event> events;

  @BeforeEach
  void start() {
    sink = new RedisMirrorSink(TestServices.get().redisUrl());
    TopologySettings settings =
        new TopologySettings(
            "topology-test",
            "unused:9092",
            TestServices.get().redisUrl(),
            Path.of("target", "streams-state", UUID.randomUUID().toString()),
            "127.0.0.1",
            0,
            1,
            MIRROR_INTERVAL,
            Map.of());
    driver =
        new TopologyTestDriver(
            ClickstreamTopology.build(sink, MIRROR_INTERVAL), settings.streamsConfig(), HOUR_10);
    events =
        driver.createInputTopic(
            Topics.EVENTS, new StringSerializer(), new EventSerde().serializer());
  }

  @AfterEach
  void stop() {
    driver.close();
    sink.close();
    redis.close();
  }

  @Test
  void pageviewsAreCountedPerNormalisedPathAndUtcHour() {
    pageview("v1", "https://shop.example/products/", HOUR_10.plusSeconds(10));
    pageview("v2", "https://shop.example/products?sort=price", HOUR_10.plusSeconds(20));
    pageview("v1", "https://shop.example/products#reviews", HOUR_10.plusSeconds(3599));
    pageview("v1", "https://shop.example", HOUR_10.plusSeconds(60));
    pageview("v3", "https://shop.example/products", HOUR_10.plusSeconds(3600));

    KeyValueStore<String, ValueAndTimestamp<Long>> store =
        driver.getTimestampedKeyValueStore(ClickstreamTopology.PAGEVIEWS_BY_PATH_HOUR_STORE);
    long hour10 = HOUR_10.toEpochMilli();
    long hour11 = hour10 + Interval.HOUR.millis();
    assertThat(count(store, new PageBucketKey(appId, hour10, "/products"))).isEqualTo(3);
    assertThat(count(store, new PageBucketKey(appId, hour10, "/"))).isEqualTo(1);
    assertThat(count(store, new PageBucketKey(appId, hour11, "/products"))).isEqualTo(1);
  }

  @Test
  void onlyPageviewsCount() {
    pageview("v1", "https://shop.example/a", HOUR_10.plusSeconds(1));
    events.pipeInput(
        "k",
        Event.builder()
            .id(UUID.randomUUID().toString())
            .type(EventType.CLICK)
            .target("#buy")
            .ts(HOUR_10.plusSeconds(2).toEpochMilli())
            .appId(appId)
            .visitorId("v1")
            .receivedAt(HOUR_10.plusSeconds(2).toEpochMilli())
            .build());

    driver.advanceWallClockTime(MIRROR_INTERVAL);

    assertThat(redis.hgetAll(RedisKeys.pagePageviews(appId, Interval.HOUR, HOUR_10.toEpochMilli())))
        .isEqualTo(Map.of("/a", "1"));
  }

  @Test
  void theMirrorWritesAbsoluteCountsToRedisOnPunctuation() {
    pageview("v1", "https://shop.example/a", HOUR_10.plusSeconds(1));
    pageview("v2", "https://shop.example/a", HOUR_10.plusSeconds(2));
    pageview("v2", "https://shop.example/b", HOUR_10.plusSeconds(3));
    String key = RedisKeys.pagePageviews(appId, Interval.HOUR, HOUR_10.toEpochMilli());
    assertThat(redis.exists(key)).isFalse();

    driver.advanceWallClockTime(MIRROR_INTERVAL);
    assertThat(redis.hgetAll(key)).isEqualTo(Map.of("/a", "2", "/b", "1"));

    // A value overwritten in Redis (say, by a replay) is corrected by the next absolute write.
    redis.hset(key, "/a", "999");
    pageview("v3", "https://shop.example/a", HOUR_10.plusSeconds(4));
    driver.advanceWallClockTime(MIRROR_INTERVAL);
    assertThat(redis.hgetAll(key)).isEqualTo(Map.of("/a", "3", "/b", "1"));
  }

  @Test
  void valuesStayPendingWhileRedisWritesFail() {
    pageview("v1", "https://shop.example/a", HOUR_10.plusSeconds(1));
    sink.close(); // every write now fails, as if Redis were down
    driver.advanceWallClockTime(MIRROR_INTERVAL);
    KeyValueStore<String, Long> pending =
        driver.getKeyValueStore(ClickstreamTopology.MIRROR_PENDING_STORE);
    try (var entries = pending.all()) {
      assertThat(entries.next().value).isEqualTo(1L);
      assertThat(entries.hasNext()).isFalse();
    }
  }

  private void pageview(String visitorId, String url, Instant at) {
    events.pipeInput(
        appId + ":" + visitorId,
        Event.builder()
            .id(UUID.randomUUID().toString())
            .type(EventType.PAGEVIEW)
            .url(url)
            .ts(at.toEpochMilli())
            .appId(appId)
            .visitorId(visitorId)
            .receivedAt(at.toEpochMilli())
            .build(),
        at);
  }

  private static long count(
      KeyValueStore<String, ValueAndTimestamp<Long>> store, PageBucketKey key) {
    ValueAndTimestamp<Long> value = store.get(key.encode());
    return value == null ? 0 : value.value();
  }
}
