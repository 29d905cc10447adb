package io.clickstream.topology.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;

/** UTC ISO weeks: Monday 00:00 UTC to the next Monday, labelled like {@code 2026-W47}. */
public final class RetentionWeeks {
  public static final long WEEK_MS = Duration.ofDays(7).toMillis();
  private static final long EPOCH_TO_MONDAY_MS = Duration.ofDays(3).toMillis();

  private RetentionWeeks() {}

  /** The start (Monday 00:00 UTC, epoch ms) of the ISO week holding {@code epochMillis}. */
  public static long weekStart(long epochMillis) {
    // 1970-01-01 was a Thursday: weeks counted from Monday 1969-12-29 are ISO weeks.
    return Math.floorDiv(epochMillis + EPOCH_TO_MONDAY_MS, WEEK_MS) * WEEK_MS - EPOCH_TO_MONDAY_MS;
  }

  /** The ISO week label, e.g. {@code 2026-W47} (week-based year, two-digit week). */
  public static String label(long weekStart) {
    LocalDate day = Instant.ofEpochMilli(weekStart).atZone(ZoneOffset.UTC).toLocalDate();
    return String.format(
        "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
