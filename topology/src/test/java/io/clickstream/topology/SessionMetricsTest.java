package io.clickstream.topology;

import static io.clickstream.platform.time.Interval.DAY;
import static io.clickstream.platform.time.Interval.HOUR;
import static io.clickstream.platform.time.Interval.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.EventType;
import io.clickstream.topology.aggregate.Measure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DESIGN §4's session rules, with exact numbers, through the production topology. */
class SessionMetricsTest {
  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
  private final TopologyHarness h = new TopologyHarness(T);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void aOnePageviewSessionIsABounceUntilItsSecondInteraction() {
    h.pageview("v1", "https://shop.example/", T);
    h.flush();
    assertThat(h.counter(Measure.SESSIONS, HOUR, T)).isEqualTo(1);
    assertThat(h.counter(Measure.BOUNCES, HOUR, T)).isEqualTo(1);
    assertThat(h.counter(Measure.DURATION_MS, HOUR, T)).isZero();

    h.click("v1", "#buy", T.plusSeconds(10));
    h.flush();
    assertThat(h.counter(Measure.SESSIONS, HOUR, T)).isEqualTo(1);
    assertThat(h.counter(Measure.BOUNCES, HOUR, T)).isZero();
    assertThat(h.counter(Measure.DURATION_MS, HOUR, T)).isEqualTo(10_000);
  }

  @Test
  void hoversAndMouseMovesDoNotEndABounceButExtendTheDuration() {
    h.pageview("v1", "https://shop.example/", T);
    h.send(
        h.event(EventType.HOVER, "v1", T.plusSeconds(4)).target("#menu").elapsedMs(1500L).build());
    h.send(h.event(EventType.MOUSE_MOVE, "v1", T.plusSeconds(6)).x(10).y(20).build());
    h.flush();
    assertThat(h.counter(Measure.BOUNCES, HOUR, T)).isEqualTo(1);
    assertThat(h.counter(Measure.DURATION_MS, HOUR, T)).isEqualTo(6_000);
  }

  @Test
  void timeOnPageRunsToTheNextPageviewAndForTheLastPageToTheLastEvent() {
    // v1: /a for 30 s, then /b until a click 20 s later.
    h.pageview("v1", "https://shop.example/a", T);
    h.pageview("v1", "https://shop.example/b", T.plusSeconds(30));
    h.click("v1", "#x", T.plusSeconds(50));
    // v2: /a for 40 s, then /b with nothing after it: that pageview is not counted.
    h.pageview("v2", "https://shop.example/a", T);
    h.pageview("v2", "https://shop.example/b", T.plusSeconds(40));
    h.flush();

    assertThat(h.counter(Measure.PAGE_TIME_MS, "/a", HOUR, T)).isEqualTo(70_000);
    assertThat(h.counter(Measure.PAGE_TIME_COUNT, "/a", HOUR, T)).isEqualTo(2);
    assertThat(h.counter(Measure.PAGE_TIME_MS, "/b", HOUR, T)).isEqualTo(20_000);
    assertThat(h.counter(Measure.PAGE_TIME_COUNT, "/b", HOUR, T)).isEqualTo(1);
    assertThat(h.counter(Measure.PAGE_VIEWS, "/b", HOUR, T)).isEqualTo(2);
  }

  @Test
  void aGapOfExactlyThirtyMinutesKeepsTheSessionAndLongerSplitsIt() {
    h.pageview("v1", "https://shop.example/a", T);
    h.pageview("v1", "https://shop.example/b", T.plus(Duration.ofMinutes(30)));
    h.pageview("v1", "https://shop.example/c", T.plus(Duration.ofMinutes(60)).plusMillis(1));
    h.flush();

    assertThat(h.counter(Measure.SESSIONS, DAY, T)).isEqualTo(2);
    assertThat(h.counter(Measure.SESSIONS, MINUTE, T)).isEqualTo(1);
    assertThat(h.counter(Measure.SESSIONS, MINUTE, T.plus(Duration.ofMinutes(60)))).isEqualTo(1);
    assertThat(h.counter(Measure.DURATION_MS, DAY, T)).isEqualTo(30 * 60_000);
    assertThat(h.counter(Measure.BOUNCES, DAY, T)).isEqualTo(1);
  }

  @Test
  void theAppsSessionTimeoutOverridesTheThirtyMinutes() {
    h.sessionTimeout(5);
    h.pageview("v1", "https://shop.example/a", T);
    h.pageview("v1", "https://shop.example/b", T.plus(Duration.ofMinutes(6)));
    h.flush();
    assertThat(h.counter(Measure.SESSIONS, HOUR, T)).isEqualTo(2);
  }

  @Test
  void aLateEventThatBridgesTwoSessionsMergesThemAndRetractsTheirFigures() {
    h.pageview("v1", "https://shop.example/a", T);
    h.pageview("v1", "https://shop.example/b", T.plus(Duration.ofMinutes(50)));
    h.flush();
    assertThat(h.counter(Measure.SESSIONS, HOUR, T)).isEqualTo(2);
    assertThat(h.counter(Measure.BOUNCES, HOUR, T)).isEqualTo(2);

    h.pageview("v1", "https://shop.example/c", T.plus(Duration.ofMinutes(25)));
    h.flush();
    assertThat(h.counter(Measure.SESSIONS, HOUR, T)).isEqualTo(1);
    assertThat(h.counter(Measure.SESSIONS, MINUTE, T.plus(Duration.ofMinutes(50)))).isZero();
    assertThat(h.counter(Measure.BOUNCES, HOUR, T)).isZero();
    assertThat(h.counter(Measure.DURATION_MS, HOUR, T)).isEqualTo(50 * 60_000);
    assertThat(h.counter(Measure.PAGE_TIME_MS, "/a", HOUR, T)).isEqualTo(25 * 60_000);
    assertThat(h.counter(Measure.PAGE_TIME_MS, "/c", HOUR, T)).isEqualTo(25 * 60_000);
    assertThat(h.counter(Measure.PAGE_TIME_COUNT, "/b", HOUR, T)).isZero();
    assertThat(h.counter(Measure.DIMENSION_SESSIONS, "referrer\u001f(direct)", HOUR, T))
        .isEqualTo(1);

    List<String> summaries = h.sessionsTopic();
    assertThat(summaries)
        .anySatisfy(
            s ->
                assertThat(s)
                    .contains(
                        "\"session_id\":\"v1-"
                            + T.plus(Duration.ofMinutes(50)).toEpochMilli()
                            + "\"",
                        "\"retracted\":true"));
    assertThat(summaries.get(summaries.size() - 1))
        .contains(
            "\"session_id\":\"v1-" + T.toEpochMilli() + "\"",
            "\"pageviews\":3",
            "\"bounce\":false",
            "\"retracted\":false",
            "\"entry_page\":\"/a\"",
            "\"exit_page\":\"/b\"");
  }

  @Test
  void anEventLaterThanTheGraceGoesToTheDeadLetterTopicAndCountsNowhere() {
    h.pageview("v2", "https://shop.example/", T.plus(Duration.ofHours(3)));
    h.pageview("v1", "https://shop.example/old", T.plus(Duration.ofMinutes(89)));
    h.flush();

    assertThat(h.counter(Measure.PAGEVIEWS, DAY, T)).isEqualTo(1);
    assertThat(h.counter(Measure.SESSIONS, DAY, T)).isEqualTo(1);
    List<JsonNode> dead = h.deadLetters();
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).path("reason").asText()).isEqualTo("late");
    assertThat(dead.get(0).path("visitor_id").asText()).isEqualTo("v1");
    assertThat(dead.get(0).path("event").path("url").asText())
        .isEqualTo("https://shop.example/old");
  }

  @Test
  void anEventJustWithinTheGraceStillCounts() {
    h.pageview("v2", "https://shop.example/", T.plus(Duration.ofHours(3)));
    h.pageview("v1", "https://shop.example/old", T.plus(Duration.ofMinutes(90)));
    h.flush();
    assertThat(h.counter(Measure.PAGEVIEWS, DAY, T)).isEqualTo(2);
    assertThat(h.deadLetters()).isEmpty();
  }

  @Test
  void aNewUtcDayDoesNotSplitASession() {
    Instant beforeMidnight = Instant.parse("2026-11-20T23:50:00Z");
    h.pageview("v1", "https://shop.example/a", beforeMidnight);
    h.pageview("v1", "https://shop.example/b", beforeMidnight.plus(Duration.ofMinutes(20)));
    h.flush();
    assertThat(h.counter(Measure.SESSIONS, DAY, beforeMidnight)).isEqualTo(1);
    assertThat(h.counter(Measure.SESSIONS, DAY, beforeMidnight.plus(Duration.ofMinutes(20))))
        .isZero();
    assertThat(h.counter(Measure.DURATION_MS, DAY, beforeMidnight)).isEqualTo(20 * 60_000);
  }
}
