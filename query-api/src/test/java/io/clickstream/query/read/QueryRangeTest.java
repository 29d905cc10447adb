package io.clickstream.query.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.platform.time.Interval;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryRangeTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:34:56Z");

  @Test
  void aRangeEndingNowReadsItsLastDayWholeAndNamesTheHoursBeyondIt() {
    QueryRange range =
        new QueryRange(Instant.parse("2026-11-20T21:00:00Z"), NOW, Interval.HOUR, NOW);
    QueryRange.WholeLastDay whole = range.wholeLastDay().orElseThrow();

    assertThat(range.cover()).hasSize(3 + 1 + 13); // hours of the 20th, the 21st, hours of today
    assertThat(whole.cover())
        .containsExactly(
            hour("2026-11-20T21:00:00Z"),
            hour("2026-11-20T22:00:00Z"),
            hour("2026-11-20T23:00:00Z"),
            day("2026-11-21T00:00:00Z"),
            day("2026-11-22T00:00:00Z"));
    // The range ends with the hour holding now: 13:00 onwards lies beyond it.
    assertThat(whole.beyondRange()).hasSize(11);
    assertThat(whole.beyondRange().get(0)).isEqualTo(hour("2026-11-22T13:00:00Z"));
    assertThat(whole.beyondRange().get(10)).isEqualTo(hour("2026-11-22T23:00:00Z"));
  }

  @Test
  void atMinuteResolutionTheMinutesToTheNextHourLieBeyondToo() {
    QueryRange range =
        new QueryRange(Instant.parse("2026-11-22T00:00:00Z"), NOW, Interval.MINUTE, NOW);
    List<Bucket> beyond = range.wholeLastDay().orElseThrow().beyondRange();

    assertThat(beyond).hasSize(25 + 11);
    assertThat(beyond.get(0)).isEqualTo(new Bucket(Interval.MINUTE, at("2026-11-22T12:35:00Z")));
    assertThat(beyond.get(25)).isEqualTo(hour("2026-11-22T13:00:00Z"));
  }

  @Test
  void notWhenTheRangeEndsOnADayOrStartsWithinItsLastDay() {
    Instant from = Instant.parse("2026-11-20T00:00:00Z");
    assertThat(
            new QueryRange(from, Instant.parse("2026-11-22T00:00:00Z"), Interval.HOUR, NOW)
                .wholeLastDay())
        .isEmpty();
    assertThat(
            new QueryRange(Instant.parse("2026-11-22T00:30:00Z"), NOW, Interval.MINUTE, NOW)
                .wholeLastDay())
        .isEmpty();
    assertThat(new QueryRange(from, NOW, Interval.DAY, NOW).wholeLastDay()).isEmpty();
  }

  private static Bucket hour(String start) {
    return new Bucket(Interval.HOUR, at(start));
  }

  private static Bucket day(String start) {
    return new Bucket(Interval.DAY, at(start));
  }

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }
}
