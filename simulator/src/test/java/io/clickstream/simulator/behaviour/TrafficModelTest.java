package io.clickstream.simulator.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.model.EventType;
import io.clickstream.model.EventValidator;
import io.clickstream.model.Json;
import io.clickstream.simulator.behaviour.TrafficModel.App;
import io.clickstream.simulator.behaviour.TrafficModel.Mix;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficModelTest {
  private static final List<App> APPS =
      List.of(new App("token-a", "app-a"), new App("token-b", "app-b"));
  private static final long START = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();
  private static final long GAP = Duration.ofMinutes(30).toMillis();

  @Test
  void theSameSeedMakesTheSameTrafficAndAnotherSeedOther() {
    assertThat(wire(run(7, 50, 200))).isEqualTo(wire(run(7, 50, 200)));
    assertThat(wire(run(8, 50, 200))).isNotEqualTo(wire(run(7, 50, 200)));
  }

  @Test
  void wellFormedEventsPassTheCollectorsValidatorAndMalformedOnesFail() {
    int malformed = 0;
    for (Chunk chunk : run(11, 300, 2_000)) {
      for (OutgoingEvent event : chunk.events()) {
        boolean valid = EventValidator.validate(Json.MAPPER.valueToTree(event.wire())).isEmpty();
        assertThat(valid).as("%s", event.wire()).isEqualTo(!event.malformed());
        malformed += event.malformed() ? 1 : 0;
      }
    }
    assertThat(malformed).isPositive();
  }

  @Test
  void eachVisitorsEventsGoOutInTimeOrderWithinTheLatenessBudget() {
    // 40 visitors over 400 turns: every visitor comes back nine times, seconds apart.
    TrafficModel model = new TrafficModel(3, 40, APPS, Mix.DEFAULT);
    Map<String, Long> lastTs = new HashMap<>();
    for (int turn = 0; turn < 400; turn++) {
      long nominal = START + turn * 2_000L;
      for (Chunk chunk : model.nextTurn(nominal)) {
        if (chunk.duplicate()) {
          continue; // the same events again
        }
        for (OutgoingEvent outgoing : chunk.events()) {
          if (outgoing.malformed()) {
            continue;
          }
          long ts = outgoing.event().ts();
          assertThat(ts)
              .isBetween(nominal - TrafficModel.MAX_HISTORY_MS, nominal + TrafficModel.MAX_LEAD_MS);
          Long previous = lastTs.put(chunk.visitor().id(), ts);
          if (previous != null) {
            assertThat(ts).isGreaterThan(previous);
          }
        }
      }
    }
  }

  @Test
  void returningVisitorsFirstTurnHoldsSessionsMoreThanThirtyMinutesApart() {
    TrafficModel model = new TrafficModel(5, 200, APPS, Mix.DEFAULT);
    int returning = 0;
    for (int turn = 0; turn < 200; turn++) {
      List<Chunk> chunks = model.nextTurn(START + turn * 1_000L);
      VisitorProfile visitor = chunks.get(0).visitor();
      List<Long> times = new ArrayList<>();
      Set<String> sessionIds = new HashSet<>();
      for (Chunk chunk : chunks) {
        sessionIds.add(chunk.sessionId());
        chunk.events().stream().filter(e -> !e.malformed()).forEach(e -> times.add(e.event().ts()));
      }
      int splits = 0;
      for (int i = 1; i < times.size(); i++) {
        splits += times.get(i) - times.get(i - 1) > GAP ? 1 : 0;
      }
      assertThat(splits).isEqualTo(sessionIds.size() - 1);
      if (visitor.returning()) {
        returning++;
        assertThat(sessionIds.size()).isBetween(1, 3);
        // With the last session under 29 min, a 40 min gap still leaves room for another.
        long lastSessionStart = times.get(times.size() - 1);
        for (int i = times.size() - 1; i > 0 && times.get(i) - times.get(i - 1) <= GAP; i--) {
          lastSessionStart = times.get(i - 1);
        }
        if (times.get(times.size() - 1) - lastSessionStart < Duration.ofMinutes(29).toMillis()) {
          assertThat(sessionIds.size()).isGreaterThanOrEqualTo(2);
        }
      } else {
        assertThat(sessionIds).hasSize(1);
      }
    }
    assertThat(returning).isBetween(30, 70); // 25 % of about 194 people
  }

  @Test
  void theMixHasBotsBouncesDuplicatesAndShoppers() {
    List<Chunk> chunks = run(13, 1_000, 1_000);
    Set<String> bots = new HashSet<>();
    Map<EventType, Integer> types = new HashMap<>();
    int duplicates = 0;
    int singlePageSessions = 0;
    Map<String, Integer> pagesPerSession = new HashMap<>();
    for (Chunk chunk : chunks) {
      if (chunk.visitor().bot()) {
        bots.add(chunk.visitor().id());
      }
      duplicates += chunk.duplicate() ? 1 : 0;
      if (!chunk.duplicate()) {
        pagesPerSession.merge(chunk.sessionId(), 1, Integer::sum);
      }
      for (OutgoingEvent event : chunk.events()) {
        if (!event.malformed()) {
          types.merge(event.event().type(), 1, Integer::sum);
        }
      }
    }
    for (int pages : pagesPerSession.values()) {
      singlePageSessions += pages == 1 ? 1 : 0;
    }
    assertThat(bots).hasSizeBetween(10, 60); // 3 % of 1,000
    assertThat(duplicates).isPositive();
    assertThat(singlePageSessions).isPositive();
    assertThat(types)
        .containsKeys(
            EventType.PAGEVIEW,
            EventType.CLICK,
            EventType.HOVER,
            EventType.CUSTOM,
            EventType.PRODUCT_VIEW,
            EventType.ADD_TO_CART,
            EventType.PURCHASE,
            EventType.IDENTIFY);
  }

  @Test
  void visitorsAreSpreadOverTheApps() {
    TrafficModel model = new TrafficModel(1, 10, APPS, Mix.DEFAULT);
    Set<String> apps = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      VisitorProfile visitor = model.profile(i);
      apps.add(visitor.appId());
      assertThat(visitor.token())
          .isEqualTo(visitor.appId().equals("app-a") ? "token-a" : "token-b");
    }
    assertThat(apps).containsExactlyInAnyOrder("app-a", "app-b");
  }

  private static List<Chunk> run(long seed, int visitors, int turns) {
    TrafficModel model = new TrafficModel(seed, visitors, APPS, Mix.DEFAULT);
    List<Chunk> chunks = new ArrayList<>();
    for (int turn = 0; turn < turns; turn++) {
      chunks.addAll(model.nextTurn(START + turn * 500L));
    }
    return chunks;
  }

  private static List<Object> wire(List<Chunk> chunks) {
    List<Object> wire = new ArrayList<>();
    for (Chunk chunk : chunks) {
      wire.add(chunk.visitor());
      chunk.events().forEach(e -> wire.add(e.wire()));
    }
    return wire;
  }
}
