package io.clickstream.topology.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventCellsTest {
  @Test
  void countsAndVisitsSurviveTheirEncodingApart() {
    String longDetail = "/p/" + "é".repeat(40_000); // 80 KB of UTF-8: beyond writeUTF's limit
    EventCells cells = new EventCells("app-1", "visitor ☃");
    cells.count(new MinuteCell(60_000, "pv", ""), 1);
    cells.count(new MinuteCell(120_000, "pp", longDetail), -3);
    cells.count(new MinuteCell(60_000, "ev", ""), 0); // nothing to add: not queued
    cells.visit(new MinuteCell(60_000, "uv", ""));
    cells.visit(new MinuteCell(120_000, "pu", longDetail));

    EventCells counts = EventCells.decodeCounts(cells.encodeCounts());
    EventCells visits = EventCells.decodeVisits(cells.encodeVisits());

    assertEquals("app-1", counts.appId);
    assertEquals("visitor ☃", counts.visitorId);
    assertEquals(
        List.of(
            new EventCells.Count(new MinuteCell(60_000, "pv", ""), 1),
            new EventCells.Count(new MinuteCell(120_000, "pp", longDetail), -3)),
        counts.counts);
    assertEquals(List.of(), counts.visits);
    assertEquals("visitor ☃", visits.visitorId);
    assertEquals(
        List.of(new MinuteCell(60_000, "uv", ""), new MinuteCell(120_000, "pu", longDetail)),
        visits.visits);
    assertEquals(List.of(), visits.counts);
  }
}
