package io.clickstream.topology.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionWeeksTest {
  @Test
  void aWeekStartsOnMondayAtMidnightUtc() {
    long monday = Instant.parse("2026-11-16T00:00:00Z").toEpochMilli();
    assertThat(RetentionWeeks.weekStart(monday)).isEqualTo(monday);
    assertThat(RetentionWeeks.weekStart(Instant.parse("2026-11-22T23:59:59.999Z").toEpochMilli()))
        .isEqualTo(monday);
    assertThat(RetentionWeeks.weekStart(Instant.parse("2026-11-23T00:00:00Z").toEpochMilli()))
        .isEqualTo(monday + RetentionWeeks.WEEK_MS);
    assertThat(RetentionWeeks.label(monday)).isEqualTo("2026-W47");
  }

  @Test
  void theLabelUsesTheIsoWeekBasedYear() {
    // Friday 1 January 2027 belongs to the last ISO week of 2026; Monday 30 December 2024 to
    // 2025-W01.
    long newYear = Instant.parse("2027-01-01T12:00:00Z").toEpochMilli();
    assertThat(RetentionWeeks.label(RetentionWeeks.weekStart(newYear))).isEqualTo("2026-W53");
    long lateDecember = Instant.parse("2024-12-30T08:00:00Z").toEpochMilli();
    assertThat(RetentionWeeks.label(RetentionWeeks.weekStart(lateDecember))).isEqualTo("2025-W01");
  }
}
