package io.clickstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.model.Json;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.topology.activity.ActivityFeedProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.resps.Tuple;

/** DESIGN §4's weekly retention cohorts and the activity feed, through the production topology. */
class RetentionAndActivityTest {
  /** Friday of ISO week 2026-W47 (Monday 2026-11-16). */
  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

  private static final Duration WEEK = Duration.ofDays(7);
  private static final String SHOP = "https://shop.example";
  private final TopologyHarness h = new TopologyHarness(T);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void aVisitorCountsOnceForEachWeekAfterTheirCohortWeekInWhichTheyHadAnyEvent() {
    h.pageview("v1", SHOP + "/", T);
    h.click("v1", "#x", T.plusSeconds(5));
    h.pageview("v2", SHOP + "/", T);
    h.pageview("v1", SHOP + "/", T.plus(WEEK));
    h.send(h.event(EventType.SESSION_START, "v1", T.plus(WEEK).plusSeconds(60)).build());
    h.pageview("v3", SHOP + "/", T.plus(WEEK));
    h.pageview("v1", SHOP + "/", T.plus(WEEK.multipliedBy(3)));
    h.flush();

    assertThat(h.hash(RedisKeys.retention(h.app)))
        .isEqualTo(
            Map.of(
                cohort("2026-W47", 0), "2",
                cohort("2026-W47", 1), "1",
                cohort("2026-W47", 3), "1",
                cohort("2026-W48", 0), "1"));
  }

  @Test
  void anEarlierEventMovesTheVisitorToAnEarlierCohort() {
    Instant mondayMorning = Instant.parse("2026-11-23T00:10:00Z");
    h.pageview("v1", SHOP + "/", mondayMorning);
    h.flush();
    assertThat(h.hash(RedisKeys.retention(h.app))).isEqualTo(Map.of(cohort("2026-W48", 0), "1"));

    h.pageview("v1", SHOP + "/", mondayMorning.minus(Duration.ofMinutes(20)));
    h.flush();
    assertThat(h.hash(RedisKeys.retention(h.app)))
        .isEqualTo(
            Map.of(
                cohort("2026-W48", 0), "0",
                cohort("2026-W47", 0), "1",
                cohort("2026-W47", 1), "1"));
  }

  @Test
  void theActivityFeedHoldsAcceptedEventsScoredByReceiveTime() {
    Event first = h.event(EventType.PAGEVIEW, "v1", T).url(SHOP + "/a").build();
    Event second = h.event(EventType.CLICK, "v1", T.plusSeconds(2)).target("#buy").build();
    h.send(first);
    h.send(second);
    h.send(first); // a duplicate
    h.send(
        h.event(EventType.PAGEVIEW, "bot", T)
            .url(SHOP + "/")
            .userAgent(TopologyHarness.GOOGLEBOT_UA)
            .build());
    h.flush();

    List<Tuple> feed = h.redis.zrevrangeWithScores(RedisKeys.activity(h.app), 0, -1);
    assertThat(feed).hasSize(2);
    JsonNode newest = Json.readTree(feed.get(0).getElement());
    assertThat(newest.path("id").asText()).isEqualTo(second.id());
    assertThat(newest.path("target").asText()).isEqualTo("#buy");
    assertThat((long) feed.get(0).getScore()).isEqualTo(ActivityFeedProcessor.score(second));
    assertThat((long) feed.get(1).getScore()).isEqualTo(ActivityFeedProcessor.score(first));
    assertThat(ActivityFeedProcessor.score(first) / 1000).isEqualTo(T.toEpochMilli());
  }

  private static String cohort(String week, int n) {
    return RedisKeys.field(week, Integer.toString(n));
  }
}
