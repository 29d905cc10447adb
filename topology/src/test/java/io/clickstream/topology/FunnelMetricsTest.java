package io.clickstream.topology;

import static io.clickstream.topology.TopologyHarness.clickStep;
import static io.clickstream.topology.TopologyHarness.customStep;
import static io.clickstream.topology.TopologyHarness.pageviewStep;
import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.model.EventType;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DESIGN §4's funnels: ordered steps within a window, attempts per day the attempt started. */
class FunnelMetricsTest {
  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
  private static final Instant PUBLISHED = T.minus(Duration.ofDays(1));
  private static final long TEN_MINUTES = Duration.ofMinutes(10).toMillis();
  private static final String SHOP = "https://shop.example";
  private final TopologyHarness h = new TopologyHarness(T);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void attemptsReachEachStepInOrderAndTheTimesToConvertAreSketched() {
    h.funnel(
        "signup",
        TEN_MINUTES,
        PUBLISHED,
        pageviewStep("/pricing"),
        clickStep("#signup"),
        customStep("signed_up"));
    for (int i = 1; i <= 3; i++) {
      String visitor = "v" + i;
      h.pageview(visitor, SHOP + "/pricing", T);
      h.click(visitor, "#signup", T.plusSeconds(10L * i));
      if (i < 3) {
        h.send(
            h.event(EventType.CUSTOM, visitor, T.plusSeconds(60L * i)).name("signed_up").build());
      }
    }
    h.pageview("v4", SHOP + "/pricing/", T);
    h.flush();

    assertThat(counts("signup", T)).isEqualTo(Map.of("1", "4", "2", "3", "3", "2"));
    assertThat(medianMs("signup", T, 2)).isEqualTo(20_000);
    assertThat(medianMs("signup", T, 3)).isEqualTo(60_000);
    assertThat(sketch("signup", T, 3).getN()).isEqualTo(2);
  }

  @Test
  void stepsOutOfOrderDoNotCount() {
    h.funnel("f", TEN_MINUTES, PUBLISHED, pageviewStep("/a"), pageviewStep("/b"), clickStep("#c"));
    h.pageview("v1", SHOP + "/b", T);
    h.pageview("v1", SHOP + "/a", T.plusSeconds(1));
    h.click("v1", "#c", T.plusSeconds(2));
    h.flush();
    assertThat(counts("f", T)).isEqualTo(Map.of("1", "1"));

    h.pageview("v1", SHOP + "/b", T.plusSeconds(3));
    h.click("v1", "#c", T.plusSeconds(4));
    h.flush();
    assertThat(counts("f", T)).isEqualTo(Map.of("1", "1", "2", "1", "3", "1"));
  }

  @Test
  void anAttemptExpiresAfterItsWindowAndAStepOneAfterwardsStartsANewOne() {
    h.funnel("f", TEN_MINUTES, PUBLISHED, pageviewStep("/a"), pageviewStep("/b"));
    h.pageview("v1", SHOP + "/a", T);
    h.pageview("v1", SHOP + "/b", T.plus(Duration.ofMinutes(10)).plusMillis(1));
    h.flush();
    assertThat(counts("f", T)).isEqualTo(Map.of("1", "1"));

    h.pageview("v1", SHOP + "/a", T.plus(Duration.ofMinutes(12)));
    h.pageview("v1", SHOP + "/b", T.plus(Duration.ofMinutes(13)));
    h.flush();
    assertThat(counts("f", T)).isEqualTo(Map.of("1", "2", "2", "1"));
    assertThat(medianMs("f", T, 2)).isEqualTo(60_000);
  }

  @Test
  void aStepOneWhileAnAttemptIsOpenDoesNotStartAnotherAndARepeatedStepCountsOnce() {
    h.funnel("f", TEN_MINUTES, PUBLISHED, pageviewStep("/a"), pageviewStep("/b"));
    h.pageview("v1", SHOP + "/a", T);
    h.pageview("v1", SHOP + "/a", T.plusSeconds(30));
    h.pageview("v1", SHOP + "/b", T.plusSeconds(40));
    h.pageview("v1", SHOP + "/b", T.plusSeconds(50));
    h.flush();
    assertThat(counts("f", T)).isEqualTo(Map.of("1", "1", "2", "1"));
    assertThat(medianMs("f", T, 2)).isEqualTo(40_000);
  }

  @Test
  void aFunnelWhoseStepsRepeatAdvancesOnTheRepeat() {
    h.funnel("f", TEN_MINUTES, PUBLISHED, pageviewStep("/a"), pageviewStep("/a"));
    h.pageview("v1", SHOP + "/a", T);
    h.pageview("v1", SHOP + "/a", T.plusSeconds(5));
    h.flush();
    assertThat(counts("f", T)).isEqualTo(Map.of("1", "1", "2", "1"));
  }

  @Test
  void pathGlobsMatchAnyRunOfCharacters() {
    h.funnel("f", TEN_MINUTES, PUBLISHED, pageviewStep("/products/*"), pageviewStep("/cart"));
    h.pageview("v1", SHOP + "/products/42/reviews?x=1", T);
    h.pageview("v1", SHOP + "/cart/", T.plusSeconds(5));
    h.pageview("v2", SHOP + "/products", T);
    h.flush();
    assertThat(counts("f", T)).isEqualTo(Map.of("1", "1", "2", "1"));
  }

  @Test
  void attemptsCountOnTheUtcDayTheyStarted() {
    Instant lateEvening = Instant.parse("2026-11-20T23:59:00Z");
    h.funnel("f", TEN_MINUTES, PUBLISHED, pageviewStep("/a"), pageviewStep("/b"));
    h.pageview("v1", SHOP + "/a", lateEvening);
    h.pageview("v1", SHOP + "/b", lateEvening.plus(Duration.ofMinutes(2)));
    h.flush();
    assertThat(counts("f", lateEvening)).isEqualTo(Map.of("1", "1", "2", "1"));
    assertThat(counts("f", lateEvening.plus(Duration.ofMinutes(2)))).isEmpty();
  }

  @Test
  void aChangedFunnelAppliesFromItsPublicationAndEndsTheOpenAttempts() {
    h.pageview("v0", SHOP + "/a", T.minusSeconds(1));
    h.funnel("f", TEN_MINUTES, T, pageviewStep("/a"), pageviewStep("/b"));
    h.pageview("v1", SHOP + "/a", T);
    h.flush();
    assertThat(counts("f", T)).isEqualTo(Map.of("1", "1"));

    h.funnel("f", TEN_MINUTES, T.plusSeconds(60), pageviewStep("/a"), pageviewStep("/c"));
    h.pageview("v1", SHOP + "/c", T.plusSeconds(70));
    h.flush();
    assertThat(counts("f", T)).isEqualTo(Map.of("1", "1"));

    h.pageview("v1", SHOP + "/a", T.plusSeconds(80));
    h.pageview("v1", SHOP + "/c", T.plusSeconds(90));
    h.flush();
    assertThat(counts("f", T)).isEqualTo(Map.of("1", "2", "2", "1"));
  }

  @Test
  void aDeletedFunnelCountsNoMore() {
    h.funnel("f", TEN_MINUTES, PUBLISHED, pageviewStep("/a"), pageviewStep("/b"));
    h.pageview("v1", SHOP + "/a", T);
    h.deleteFunnel("f");
    h.pageview("v1", SHOP + "/b", T.plusSeconds(5));
    h.pageview("v2", SHOP + "/a", T.plusSeconds(5));
    h.flush();
    assertThat(counts("f", T)).isEqualTo(Map.of("1", "1"));
  }

  private Map<String, String> counts(String funnel, Instant day) {
    return h.hash(
        RedisKeys.funnelCounts(h.app, funnel, Interval.DAY.bucketStart(day.toEpochMilli())));
  }

  private KllDoublesSketch sketch(String funnel, Instant day, int step) {
    byte[] bytes =
        h.redis.hget(
            RedisKeys.funnelTimes(h.app, funnel, Interval.DAY.bucketStart(day.toEpochMilli()))
                .getBytes(StandardCharsets.UTF_8),
            Integer.toString(step).getBytes(StandardCharsets.UTF_8));
    return KllDoublesSketch.heapify(Memory.wrap(bytes));
  }

  private double medianMs(String funnel, Instant day, int step) {
    return sketch(funnel, day, step).getQuantile(0.5);
  }
}
