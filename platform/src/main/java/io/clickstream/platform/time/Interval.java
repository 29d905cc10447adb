package io.clickstream.platform.time;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The UTC bucket sizes every aggregate is kept in (DESIGN §4). */
public enum Interval {
  MINUTE(Duration.ofMinutes(1)),
  HOUR(Duration.ofHours(1)),
  DAY(Duration.ofDays(1));

  private final long millis;

  Interval(Duration size) {
    this.millis = size.toMillis();
  }

  public long millis() {
    return millis;
  }

  /** The start of the bucket holding {@code epochMillis}. UTC has no offset, so flooring works. */
  public long bucketStart(long epochMillis) {
    return Math.floorDiv(epochMillis, millis) * millis;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Interval> fromKey(String key) {
    for (Interval interval : values()) {
      if (interval.key().equals(key)) {
        return Optional.of(interval);
      }
    }
    return Optional.empty();
  }
}
