package io.clickstream.topology;

import static io.clickstream.platform.time.Interval.DAY;
import static io.clickstream.platform.time.Interval.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import io.clickstream.topology.aggregate.Measure;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DESIGN §4's journeys: transitions and top paths, retracted as sessions grow and merge. */
class JourneyMetricsTest {
  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
  private static final String SHOP = "https://shop.example";
  private final TopologyHarness h = new TopologyHarness(T);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void aGrowingSessionMovesItsExitTransitionAndExtendsItsTopPath() {
    h.pageview("v1", SHOP + "/a", T);
    h.flush();
    assertThat(transitions()).isEqualTo(Map.of(t("(entry)", "/a"), "1", t("/a", "(exit)"), "1"));
    assertThat(topPaths()).isEqualTo(Map.of("/a", "1"));

    h.pageview("v1", SHOP + "/b", T.plusSeconds(10));
    h.click("v1", "#buy", T.plusSeconds(20));
    h.flush();
    assertThat(transitions())
        .isEqualTo(
            Map.of(
                t("(entry)", "/a"), "1",
                t("/a", "(exit)"), "0",
                t("/a", "/b"), "1",
                t("/b", "(exit)"), "1"));
    assertThat(topPaths()).isEqualTo(Map.of("/a", "0", t("/a", "/b"), "1"));
  }

  @Test
  void topPathsAreTheFirstThreePagesAndTransitionsCountEveryStep() {
    for (String visitor : new String[] {"v1", "v2"}) {
      h.pageview(visitor, SHOP + "/", T);
      h.pageview(visitor, SHOP + "/list", T.plusSeconds(5));
      h.pageview(visitor, SHOP + "/item", T.plusSeconds(10));
      h.pageview(visitor, SHOP + "/list", T.plusSeconds(15));
    }
    h.pageview("v3", SHOP + "/item", T);
    h.flush();
    assertThat(h.counter(Measure.JOURNEY_TOP_PATHS, "/\u001f/list\u001f/item", HOUR, T))
        .isEqualTo(2);
    assertThat(h.counter(Measure.JOURNEY_TOP_PATHS, "/item", HOUR, T)).isEqualTo(1);
    assertThat(h.counter(Measure.JOURNEY_TRANSITIONS, t("/list", "/item"), DAY, T)).isEqualTo(2);
    assertThat(h.counter(Measure.JOURNEY_TRANSITIONS, t("/item", "/list"), DAY, T)).isEqualTo(2);
    assertThat(h.counter(Measure.JOURNEY_TRANSITIONS, t("/list", "(exit)"), DAY, T)).isEqualTo(2);
    assertThat(h.counter(Measure.JOURNEY_TRANSITIONS, t("(entry)", "/item"), DAY, T)).isEqualTo(1);
  }

  @Test
  void aLateEventThatMergesTwoSessionsRetractsTheirJourneys() {
    h.pageview("v1", SHOP + "/a", T);
    h.pageview("v1", SHOP + "/b", T.plus(Duration.ofMinutes(50)));
    h.flush();
    assertThat(h.counter(Measure.JOURNEY_TRANSITIONS, t("(entry)", "/b"), HOUR, T)).isEqualTo(1);

    h.pageview("v1", SHOP + "/c", T.plus(Duration.ofMinutes(25)));
    h.flush();
    assertThat(transitions())
        .containsAllEntriesOf(
            Map.of(
                t("(entry)", "/a"), "1",
                t("/a", "(exit)"), "0",
                t("/a", "/c"), "1",
                t("/c", "/b"), "1",
                t("/b", "(exit)"), "1",
                t("(entry)", "/b"), "0"));
    assertThat(h.counter(Measure.JOURNEY_TOP_PATHS, "/a\u001f/c\u001f/b", HOUR, T)).isEqualTo(1);
    assertThat(h.counter(Measure.JOURNEY_TOP_PATHS, "/b", HOUR, T)).isZero();
  }

  @Test
  void aSessionWithoutPageviewsHasNoJourney() {
    h.click("v1", "#x", T);
    h.flush();
    assertThat(transitions()).isEmpty();
  }

  private Map<String, String> transitions() {
    return h.hash(RedisKeys.journeyTransitions(h.app, Interval.HOUR, T.toEpochMilli()));
  }

  private Map<String, String> topPaths() {
    return h.hash(RedisKeys.journeyTopPaths(h.app, Interval.HOUR, T.toEpochMilli()));
  }

  private static String t(String from, String to) {
    return RedisKeys.field(from, to);
  }
}
