package io.clickstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.EventType;
import io.clickstream.topology.visitor.JourneySession;
import io.clickstream.topology.visitor.VisitorJourney;
import io.clickstream.topology.visitor.VisitorJourneyProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-visitor journey stores: sessions as stage 1 sees them, bounded, merged like them. */
class VisitorJourneyTest {
  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
  private static final String SHOP = "https://shop.example";
  private final TopologyHarness h = new TopologyHarness(T);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void aJourneyListsSessionsNewestFirstWithTheirEventsInTimeOrder() {
    h.pageview("v1", SHOP + "/a", T);
    h.click("v1", "#buy", T.plusSeconds(20));
    h.pageview("v1", SHOP + "/b", T.plusSeconds(10)); // out of order, same session
    h.send(h.event(EventType.SESSION_END, "v1", T.plusSeconds(30)).reason("goodbye").build());
    h.pageview("v1", SHOP + "/c", T.plus(Duration.ofHours(2)));
    h.pageview("other", SHOP + "/x", T);

    VisitorJourney journey = journey("v1");
    assertThat(journey.visitorId()).isEqualTo("v1");
    assertThat(journey.sessions()).hasSize(2);
    VisitorJourney.Session newest = journey.sessions().get(0);
    assertThat(newest.start()).isEqualTo(T.plus(Duration.ofHours(2)).toEpochMilli());
    assertThat(urls(newest)).containsExactly(SHOP + "/c");
    VisitorJourney.Session first = journey.sessions().get(1);
    assertThat(first.start()).isEqualTo(T.toEpochMilli());
    assertThat(first.end()).isEqualTo(T.plusSeconds(20).toEpochMilli());
    assertThat(first.events())
        .extracting(event -> event.path("type").asText())
        .containsExactly("pageview", "pageview", "click");
    assertThat(journey("nobody").sessions()).isEmpty();
  }

  @Test
  void sessionsMergedByALateEventBecomeOneSession() {
    h.pageview("v1", SHOP + "/a", T);
    h.pageview("v1", SHOP + "/b", T.plus(Duration.ofMinutes(50)));
    assertThat(journey("v1").sessions()).hasSize(2);

    h.pageview("v1", SHOP + "/c", T.plus(Duration.ofMinutes(25)));
    List<VisitorJourney.Session> sessions = journey("v1").sessions();
    assertThat(sessions).hasSize(1);
    assertThat(urls(sessions.get(0))).containsExactly(SHOP + "/a", SHOP + "/c", SHOP + "/b");
  }

  @Test
  void aVisitorKeepsTheNewestTwentySessions() {
    for (int i = 0; i < 22; i++) {
      h.pageview("v1", SHOP + "/" + i, T.plus(Duration.ofHours(i)));
    }
    List<VisitorJourney.Session> sessions = journey("v1").sessions();
    assertThat(sessions).hasSize(VisitorJourneyProcessor.MAX_SESSIONS);
    assertThat(urls(sessions.get(0))).containsExactly(SHOP + "/21");
    assertThat(urls(sessions.get(19))).containsExactly(SHOP + "/2");
    KeyValueStore<String, byte[]> events =
        h.driver.getKeyValueStore(VisitorJourneyProcessor.EVENTS_STORE);
    int stored = 0;
    try (var all = events.all()) {
      for (; all.hasNext(); all.next()) {
        stored++;
      }
    }
    assertThat(stored).isEqualTo(20);
  }

  @Test
  void botsAndDuplicatesAreNotPartOfAJourney() {
    var event = h.event(EventType.PAGEVIEW, "v1", T).url(SHOP + "/a").build();
    h.send(event);
    h.send(event);
    h.send(
        h.event(EventType.PAGEVIEW, "v1", T.plusSeconds(1))
            .url(SHOP + "/b")
            .userAgent(TopologyHarness.GOOGLEBOT_UA)
            .build());
    assertThat(urls(journey("v1").sessions().get(0))).containsExactly(SHOP + "/a");
  }

  private VisitorJourney journey(String visitor) {
    KeyValueStore<String, JourneySession> sessions =
        h.driver.getKeyValueStore(VisitorJourneyProcessor.SESSIONS_STORE);
    KeyValueStore<String, byte[]> events =
        h.driver.getKeyValueStore(VisitorJourneyProcessor.EVENTS_STORE);
    return VisitorJourney.read(h.app, visitor, sessions, events);
  }

  private static List<String> urls(VisitorJourney.Session session) {
    return session.events().stream().map(event -> event.path("url")).map(JsonNode::asText).toList();
  }
}
