package io.clickstream.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clickstream.embedded.Infrastructure;
import io.clickstream.embedded.TestServices;
import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * Exactly-once across a crash: a topology instance killed with SIGKILL in the middle of the input
 * (open transactions, pending deltas, unflushed mirror writes) and started again counts every event
 * once, on the real broker and Redis.
 */
class ExactlyOnceRecoveryTest {
  private static final int VISITORS = 200;
  private static final int PAGEVIEWS_EACH = 100;
  private static final long SPACING_MS = 1_000;

  private final Infrastructure services = TestServices.get();
  private final String app = "eo-" + UUID.randomUUID().toString().substring(0, 8);
  private final String applicationId = "topology-eo-" + app;
  private final Path stateDir = Path.of("target", "streams-state", applicationId).toAbsolutePath();

  /** The instance's settings; the consumer's session is short, so a dead member leaves quickly. */
  static TopologySettings settings(
      String bootstrap, String redisUrl, String applicationId, Path stateDir) {
    return new TopologySettings(
        applicationId,
        bootstrap,
        redisUrl,
        stateDir,
        "127.0.0.1",
        0,
        1,
        Duration.ofMillis(100),
        false,
        Map.of("consumer.session.timeout.ms", "6000", "consumer.heartbeat.interval.ms", "1000"));
  }

  @Test
  void aTopologyKilledMidStreamCountsEveryEventOnceAfterItsRestart() throws Exception {
    long base = System.currentTimeMillis() - 300_000;
    long span = (PAGEVIEWS_EACH - 1) * SPACING_MS;
    if (Interval.DAY.bucketStart(base) != Interval.DAY.bucketStart(base + span)) {
      base -= 2 * span; // one day bucket holds every event
    }
    int total = VISITORS * PAGEVIEWS_EACH;
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < PAGEVIEWS_EACH; i++) {
      for (int v = 0; v < VISITORS; v++) {
        events.add(
            BrokerEvents.event(app, EventType.PAGEVIEW, "v" + v, base + i * SPACING_MS)
                .url("https://eo.example/p" + (i % 5))
                .build());
      }
    }
    BrokerEvents.produce(events);
    String totals = RedisKeys.totals(app, Interval.DAY, Interval.DAY.bucketStart(base));

    try (JedisPooled redis = new JedisPooled(URI.create(services.redisUrl()))) {
      Process child = startChild(stateDir.resolve("child.log"));
      try {
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> count(redis.hget(totals, "events")) >= total / 10 || !child.isAlive());
      } finally {
        child.destroyForcibly();
      }
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      long countedBeforeTheKill = count(redis.hget(totals, "events"));
      assertThat(countedBeforeTheKill).as("killed in the middle of the input").isLessThan(total);

      try (TopologyService restarted =
          new TopologyService(
                  settings(
                      services.kafkaBootstrapServers(),
                      services.redisUrl(),
                      applicationId,
                      stateDir),
                  () -> {})
              .start()) {
        Map<String, String> expected =
            Map.of(
                "events", Integer.toString(total),
                "pageviews", Integer.toString(total),
                "sessions", Integer.toString(VISITORS),
                "bounces", "0",
                "duration_ms", Long.toString(VISITORS * span));
        await().atMost(Duration.ofMinutes(2)).until(() -> redis.hgetAll(totals), expected::equals);
        assertThat(
                redis.hgetAll(
                    RedisKeys.pagePageviews(app, Interval.DAY, Interval.DAY.bucketStart(base))))
            .isEqualTo(
                Map.of("/p0", "4000", "/p1", "4000", "/p2", "4000", "/p3", "4000", "/p4", "4000"));
      }
    }
  }

  private Process startChild(Path log) throws Exception {
    Files.createDirectories(log.getParent());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            TopologyUntilKilled.class.getName(),
            services.kafkaBootstrapServers(),
            services.redisUrl(),
            applicationId,
            stateDir.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static long count(String value) {
    return value == null ? 0 : Long.parseLong(value);
  }
}
