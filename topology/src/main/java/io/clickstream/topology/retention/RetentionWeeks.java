package io.clickstream.topology.retention;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** UTC ISO weeks: Monday 00:00 UTC to the next Monday, labelled like {@code 2026-W47}. */
public final class RetentionWeeks {
  public static final long WEEK_MS = Duration.ofDays(7).toMillis();

  private RetentionWeeks() {}

  /** The start (Monday 00:00 UTC, epoch ms) of the ISO week holding {@code epochMillis}. */
  public static long weekStart(long epochMillis) {
    LocalDate day = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return monday.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** The ISO week label, e.g. {@code 2026-W47} (week-based year, two-digit week). */
  public static String label(long weekStart) {
    LocalDate day = Instant.ofEpochMilli(weekStart).atZone(ZoneOffset.UTC).toLocalDate();
    return String.format(
        "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
