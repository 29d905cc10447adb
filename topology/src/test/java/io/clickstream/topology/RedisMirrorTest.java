package io.clickstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.embedded.TestServices;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.datasketches.hll.HllSketch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;

/** The serving copy the topology writes into a real Redis: layout, values, expiry, live figures. */
class RedisMirrorTest {
  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
  private final TopologyHarness h = new TopologyHarness(T);
  private final JedisPooled redis = new JedisPooled(URI.create(TestServices.get().redisUrl()));

  @AfterEach
  void close() {
    h.close();
    redis.close();
  }

  @Test
  void everyFigureLandsInItsBucketsHashWithAbsoluteValues() {
    h.pageview("v1", "https://shop.example/a", T);
    h.click("v1", "#buy", T.plusSeconds(30));
    h.pageview("v2", "https://shop.example/b", T.plusSeconds(60));
    h.flush();

    long hour = T.toEpochMilli();
    long day = Interval.DAY.bucketStart(hour);
    assertThat(redis.hgetAll(RedisKeys.totals(h.app, Interval.HOUR, hour)))
        .isEqualTo(
            Map.of(
                "pageviews", "2",
                "events", "3",
                "sessions", "2",
                "bounces", "1",
                "duration_ms", "30000"));
    assertThat(redis.hgetAll(RedisKeys.pagePageviews(h.app, Interval.HOUR, hour)))
        .isEqualTo(Map.of("/a", "1", "/b", "1"));
    assertThat(redis.hgetAll(RedisKeys.pageTimeMs(h.app, Interval.HOUR, hour)))
        .isEqualTo(Map.of("/a", "30000"));
    assertThat(redis.hgetAll(RedisKeys.eventTypes(h.app, Interval.DAY, day)))
        .isEqualTo(Map.of("pageview", "2", "click", "1"));
    assertThat(redis.hgetAll(RedisKeys.clicks(h.app, Interval.MINUTE, hour)))
        .isEqualTo(Map.of(RedisKeys.field("/a", "#buy"), "1"));
    assertThat(redis.hgetAll(RedisKeys.dimensionSessions(h.app, Interval.DAY, day, "browser")))
        .isEqualTo(Map.of("Chrome", "2"));
    assertThat(visitors(RedisKeys.sketches(h.app, Interval.DAY, day), RedisKeys.VISITORS))
        .isEqualTo(2);
    assertThat(visitors(RedisKeys.pageSketches(h.app, Interval.HOUR, hour), "/a")).isEqualTo(1);

    // A merge retracts: v2's second pageview makes its session no bounce.
    h.pageview("v2", "https://shop.example/c", T.plusSeconds(90));
    h.flush();
    assertThat(redis.hget(RedisKeys.totals(h.app, Interval.HOUR, hour), "bounces")).isEqualTo("0");
  }

  @Test
  void bucketKeysExpireWithTheirRetention() {
    h.pageview("v1", "https://shop.example/a", T);
    h.flush();
    long minuteTtl = redis.ttl(RedisKeys.totals(h.app, Interval.MINUTE, T.toEpochMilli()));
    long dayTtl =
        redis.ttl(
            RedisKeys.totals(h.app, Interval.DAY, Interval.DAY.bucketStart(T.toEpochMilli())));
    assertThat(minuteTtl)
        .isBetween(Duration.ofDays(2).toSeconds() - 60, Duration.ofDays(2).toSeconds());
    assertThat(dayTtl)
        .isBetween(Duration.ofDays(400).toSeconds() - 60, Duration.ofDays(400).toSeconds());
  }

  @Test
  void liveFiguresCountRecentVisitorsAndEventsAndAreAnnounced() throws Exception {
    List<String> notices = new CopyOnWriteArrayList<>();
    JedisPubSub listener =
        new JedisPubSub() {
          @Override
          public void onMessage(String channel, String message) {
            notices.add(channel);
          }
        };
    Thread subscriber =
        new Thread(() -> redis.subscribe(listener, RedisKeys.liveChannel(h.app)), "subscriber");
    subscriber.start();
    org.awaitility.Awaitility.await().until(listener::isSubscribed);

    h.pageview("v1", "https://shop.example/a", T);
    h.pageview("v2", "https://shop.example/a", T);
    h.click("v2", "#x", T.plusSeconds(1));
    h.driver.advanceWallClockTime(Duration.ofSeconds(2));
    h.flush();
    assertThat(redis.hgetAll(RedisKeys.live(h.app)))
        .isEqualTo(Map.of("active_visitors", "2", "events_last_minute", "3"));
    org.awaitility.Awaitility.await().until(() -> !notices.isEmpty());
    assertThat(notices).containsOnly(RedisKeys.liveChannel(h.app));

    h.driver.advanceWallClockTime(Duration.ofSeconds(61));
    h.flush();
    assertThat(redis.hgetAll(RedisKeys.live(h.app)))
        .isEqualTo(Map.of("active_visitors", "2", "events_last_minute", "0"));
    h.driver.advanceWallClockTime(Duration.ofMinutes(4));
    h.flush();
    assertThat(redis.hgetAll(RedisKeys.live(h.app)))
        .isEqualTo(Map.of("active_visitors", "0", "events_last_minute", "0"));
    listener.unsubscribe();
    subscriber.join(5_000);
  }

  private long visitors(String key, String field) {
    byte[] sketch =
        redis.hget(key.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    return Math.round(HllSketch.heapify(sketch).getEstimate());
  }
}
