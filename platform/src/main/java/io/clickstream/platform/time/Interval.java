package io.clickstream.platform.time;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The UTC bucket sizes every aggregate is kept in (DESIGN §4). */
public enum Interval {
  MINUTE(Duration.ofMinutes(1), Duration.ofDays(2)),
  HOUR(Duration.ofHours(1), Duration.ofDays(40)),
  DAY(Duration.ofDays(1), Duration.ofDays(400));

  private final long millis;
  private final Duration retention;

  Interval(Duration size, Duration retention) {
    this.millis = size.toMillis();
    this.retention = retention;
  }

  public long millis() {
    return millis;
  }

  /** How long buckets of this size are kept, in the topology's stores and in Redis. */
  public Duration retention() {
    return retention;
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
