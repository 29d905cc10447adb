package io.clickstream.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clickstream.embedded.Infrastructure;
import io.clickstream.embedded.TestServices;
import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.model.config.ConfigKeys;
import io.clickstream.model.config.FunnelDefinition;
import io.clickstream.model.config.ProductInfo;
import io.clickstream.platform.kafka.Topics;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import io.clickstream.topology.retention.RetentionWeeks;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;

/**
 * The topology on the real broker and Redis: events produced to {@code clickstream.events} come out
 * as mirrored figures, and {@code --rebuild-mirror} restores them after Redis lost them.
 */
class TopologyIntegrationTest {
  private final Infrastructure services = TestServices.get();
  private final String app = "it-" + UUID.randomUUID().toString().substring(0, 8);
  private final Path stateDir = Path.of("target", "streams-state", "it-" + app);
  private final String applicationId = "topology-it-" + app;

  @Test
  void producedEventsAreMirroredToRedisAndTheMirrorCanBeRebuilt() throws Exception {
    long wallClock = System.currentTimeMillis();
    long hour = Interval.HOUR.bucketStart(wallClock);
    // All events in one hour bucket, even when the test runs at xx:59:59.
    long now = wallClock - hour > 3_500_000 ? wallClock - 60_000 : wallClock;
    Map<String, String> expected =
        Map.of(
            "pageviews", "3",
            "events", "4",
            "sessions", "2",
            "bounces", "1",
            "duration_ms", "2000");
    String totals = RedisKeys.totals(app, Interval.HOUR, hour);
    String feed = RedisKeys.activity(app);
    // Retention comes from stage 2's serving counters, which a rebuild must restore as well.
    Map<String, String> retention =
        Map.of(RedisKeys.field(RetentionWeeks.label(RetentionWeeks.weekStart(now)), "0"), "2");

    // Configuration published before the start: the global store and the catalogue read it.
    String funnelCounts = RedisKeys.funnelCounts(app, "it-funnel", Interval.DAY.bucketStart(now));
    Map<String, String> funnel = Map.of("1", "2", "2", "1");
    BrokerEvents.publish(
        Topics.CONFIG_FUNNELS,
        ConfigKeys.funnel(app, "it-funnel"),
        new FunnelDefinition(
            app,
            "it-funnel",
            "A to B",
            List.of(TopologyHarness.pageviewStep("/a"), TopologyHarness.pageviewStep("/b")),
            600_000,
            now - 60_000));
    BrokerEvents.publish(
        Topics.CONFIG_PRODUCTS,
        ConfigKeys.product(app, "sku-1"),
        new ProductInfo(app, "sku-1", "Lamp", "Lighting", 19.99));

    try (JedisPooled redis = new JedisPooled(URI.create(services.redisUrl()))) {
      try (TopologyService topology = start(false)) {
        produce(
            pageview("v1", "https://it.example/a", now),
            pageview("v1", "https://it.example/b", now + 1_000),
            click("v1", now + 2_000),
            pageview("v2", "https://it.example/a", now));
        await().atMost(Duration.ofSeconds(60)).until(() -> redis.hgetAll(totals), expected::equals);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> redis.hgetAll(RedisKeys.retention(app)), retention::equals);
        await().atMost(Duration.ofSeconds(60)).until(() -> redis.zcard(feed) == 4);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> redis.hgetAll(funnelCounts), funnel::equals);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> redis.hexists(RedisKeys.productInfo(app), "sku-1"));
      }

      deleteAppKeys(redis);
      assertThat(redis.exists(totals)).isFalse();

      try (TopologyService topology = start(true)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> redis.hgetAll(totals), expected::equals);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> redis.hgetAll(RedisKeys.retention(app)), retention::equals);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> redis.hgetAll(funnelCounts), funnel::equals);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> redis.hexists(RedisKeys.productInfo(app), "sku-1"));
        assertThat(
                redis.hgetAll(
                    RedisKeys.pagePageviews(app, Interval.DAY, Interval.DAY.bucketStart(now))))
            .isEqualTo(Map.of("/a", "2", "/b", "1"));
      }
    }
  }

  private TopologyService start(boolean rebuildMirror) throws InterruptedException {
    TopologyService topology =
        new TopologyService(
            new TopologySettings(
                applicationId,
                services.kafkaBootstrapServers(),
                services.redisUrl(),
                stateDir,
                "127.0.0.1",
                0,
                1,
                Duration.ofMillis(100),
                rebuildMirror,
                Map.of()),
            () -> {});
    topology.start();
    assertThat(topology.awaitRunning(Duration.ofSeconds(60))).isTrue();
    return topology;
  }

  private void deleteAppKeys(JedisPooled redis) {
    ScanParams match = new ScanParams().match("cs:{" + app + "}:*").count(1000);
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      var page = redis.scan(cursor, match);
      Set<String> keys = Set.copyOf(page.getResult());
      if (!keys.isEmpty()) {
        redis.del(keys.toArray(String[]::new));
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
  }

  private void produce(Event... events) throws Exception {
    BrokerEvents.produce(List.of(events));
  }

  private Event pageview(String visitor, String url, long ts) {
    return base(EventType.PAGEVIEW, visitor, ts).url(url).build();
  }

  private Event click(String visitor, long ts) {
    return base(EventType.CLICK, visitor, ts).target("#go").build();
  }

  private Event.Builder base(EventType type, String visitor, long ts) {
    return BrokerEvents.event(app, type, visitor, ts);
  }
}
