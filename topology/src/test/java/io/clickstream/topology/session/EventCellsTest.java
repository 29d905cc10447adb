package io.clickstream.topology.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventCellsTest {
  @Test
  void countsAndVisitsSurviveTheirEncodingApart() {
    String longDetail = "/p/" + "é".repeat(40_000); // 80 KB of UTF-8: beyond writeUTF's limit
    EventCells cells = new EventCells("app-1", "visitor ☃");
    cells.count("pv", "", 60_000, 1);
    cells.count("pp", longDetail, 120_000, -3);
    cells.count("ev", "", 60_000, 0); // nothing to add: not queued
    cells.visit("uv", "", 60_000);
    cells.visit("pu", longDetail, 120_000);

    EventCells counts = EventCells.decodeCounts(cells.encodeCounts());
    EventCells visits = EventCells.decodeVisits(cells.encodeVisits());

    assertEquals("app-1", counts.appId);
    assertEquals("visitor ☃", counts.visitorId);
    assertEquals(
        List.of(
            new EventCells.Count("pv", "", 60_000, 1),
            new EventCells.Count("pp", longDetail, 120_000, -3)),
        counts.counts);
    assertEquals(List.of(), counts.visits);
    assertEquals("visitor ☃", visits.visitorId);
    assertEquals(
        List.of(
            new EventCells.Visit("uv", "", 60_000),
            new EventCells.Visit("pu", longDetail, 120_000)),
        visits.visits);
    assertEquals(List.of(), visits.counts);
  }
}
