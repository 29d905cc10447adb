package io.clickstream.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntervalTest {
  private static final long MINUTE = 60_000L;
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 86_400_000L;

  @Test
  void bucketSizesAreAMinuteAnHourAndADay() {
    assertThat(Interval.MINUTE.millis()).isEqualTo(MINUTE);
    assertThat(Interval.HOUR.millis()).isEqualTo(HOUR);
    assertThat(Interval.DAY.millis()).isEqualTo(DAY);
  }

  @Test
  void bucketStartIsTheUtcMinuteHourOrDayHoldingTheInstant() {
    long t = millis("2026-11-22T13:45:30.123Z");

    assertThat(Interval.MINUTE.bucketStart(t)).isEqualTo(millis("2026-11-22T13:45:00Z"));
    assertThat(Interval.HOUR.bucketStart(t)).isEqualTo(millis("2026-11-22T13:00:00Z"));
    assertThat(Interval.DAY.bucketStart(t)).isEqualTo(millis("2026-11-22T00:00:00Z"));
  }

  @Test
  void instantOnABoundaryStartsItsOwnBucket() {
    long midnight = millis("2026-11-22T00:00:00Z");

    for (Interval interval : Interval.values()) {
      assertThat(interval.bucketStart(midnight)).isEqualTo(midnight);
    }
  }

  @Test
  void lastMillisecondBeforeABoundaryBelongsToThePreviousBucket() {
    long lastOfDay = millis("2026-11-21T23:59:59.999Z");

    assertThat(Interval.MINUTE.bucketStart(lastOfDay)).isEqualTo(millis("2026-11-21T23:59:00Z"));
    assertThat(Interval.HOUR.bucketStart(lastOfDay)).isEqualTo(millis("2026-11-21T23:00:00Z"));
    assertThat(Interval.DAY.bucketStart(lastOfDay)).isEqualTo(millis("2026-11-21T00:00:00Z"));
  }

  @Test
  void epochStartsEveryBucket() {
    for (Interval interval : Interval.values()) {
      assertThat(interval.bucketStart(0)).isZero();
    }
  }

  @Test
  void instantsBeforeTheEpochFloorToTheEarlierBoundary() {
    assertThat(Interval.MINUTE.bucketStart(-1)).isEqualTo(-MINUTE);
    assertThat(Interval.HOUR.bucketStart(-1)).isEqualTo(-HOUR);
    assertThat(Interval.DAY.bucketStart(-1)).isEqualTo(-DAY);
    assertThat(Interval.DAY.bucketStart(-DAY)).isEqualTo(-DAY);
    assertThat(Interval.DAY.bucketStart(-DAY - 1)).isEqualTo(-2 * DAY);
    assertThat(Interval.HOUR.bucketStart(millis("1969-07-20T20:17:40Z")))
        .isEqualTo(millis("1969-07-20T20:00:00Z"));
  }

  @Test
  void keysAreLowerCaseNames() {
    assertThat(Interval.MINUTE.key()).isEqualTo("minute");
    assertThat(Interval.HOUR.key()).isEqualTo("hour");
    assertThat(Interval.DAY.key()).isEqualTo("day");
  }

  @Test
  void fromKeyFindsOnlyExactKeys() {
    assertThat(Interval.fromKey("minute")).contains(Interval.MINUTE);
    assertThat(Interval.fromKey("hour")).contains(Interval.HOUR);
    assertThat(Interval.fromKey("day")).contains(Interval.DAY);
    assertThat(Interval.fromKey("DAY")).isEmpty();
    assertThat(Interval.fromKey("week")).isEmpty();
    assertThat(Interval.fromKey("")).isEmpty();
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }
}
