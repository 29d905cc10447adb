package io.clickstream.query.read;

import io.clickstream.platform.time.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A query's range resolved to stored buckets. The range counts the buckets of size {@code interval}
 * whose start lies in [{@code from}, {@code to}); edges are therefore exact to the interval. Inside
 * the range, whole hours and days are read from the coarser buckets, so that 30 days cost about 30
 * reads rather than 43,200.
 */
public record QueryRange(Instant from, Instant to, Interval interval, Instant now) {
  /** Nothing is stored beyond this: the collector refuses event times more than 10 min ahead. */
  static final Duration FUTURE_LIMIT = Duration.ofDays(1);

  private static final Interval[] COARSEST_FIRST = {Interval.DAY, Interval.HOUR, Interval.MINUTE};

  /** The first bucket start in the range. */
  public long start() {
    return ceil(from.toEpochMilli(), interval);
  }

  /** The end (exclusive) of the buckets in the range. */
  public long end() {
    long limit = ceil(now.plus(FUTURE_LIMIT).toEpochMilli(), interval);
    return Math.min(ceil(to.toEpochMilli(), interval), limit);
  }

  /** The starts of every bucket of {@link #interval} in the range, oldest first. */
  public List<Long> bucketStarts() {
    List<Long> starts = new ArrayList<>();
    for (long start = start();
        start < ceil(to.toEpochMilli(), interval);
        start += interval.millis()) {
      starts.add(start);
    }
    return starts;
  }

  /** The fewest stored buckets that add up to exactly the range. */
  public List<Bucket> cover() {
    List<Bucket> buckets = new ArrayList<>();
    cover(start(), end(), 0, buckets);
    return buckets;
  }

  /**
   * The range's buckets with its last UTC day read whole, from that day's bucket, in place of the
   * hours (and minutes) of it the range covers; and those buckets of the day that lie beyond the
   * range. Equal to {@link #cover()} exactly when nothing is stored in those: the usual case, a
   * range that ends now. Absent when the range ends on a day boundary or starts within its last
   * day.
   */
  public Optional<WholeLastDay> wholeLastDay() {
    long end = end();
    long lastDay = Interval.DAY.bucketStart(end - 1);
    if (interval == Interval.DAY || end == lastDay + Interval.DAY.millis() || lastDay < start()) {
      return Optional.empty();
    }
    List<Bucket> buckets = new ArrayList<>();
    cover(start(), lastDay, 0, buckets);
    buckets.add(new Bucket(Interval.DAY, lastDay));
    List<Bucket> beyond = new ArrayList<>();
    cover(end, lastDay + Interval.DAY.millis(), 0, beyond);
    return Optional.of(new WholeLastDay(buckets, beyond));
  }

  /** See {@link #wholeLastDay()}. */
  public record WholeLastDay(List<Bucket> cover, List<Bucket> beyondRange) {}

  /** The UTC day holding the range's last instant ({@code to} − 1 ms). */
  public long lastDayStart() {
    return Interval.DAY.bucketStart(to.toEpochMilli() - 1);
  }

  private void cover(long from, long to, int level, List<Bucket> into) {
    if (from >= to) {
      return;
    }
    Interval size = COARSEST_FIRST[level];
    if (size == interval) {
      for (long start = from; start < to; start += size.millis()) {
        into.add(new Bucket(size, start));
      }
      return;
    }
    long innerFrom = ceil(from, size);
    long innerTo = size.bucketStart(to);
    if (innerFrom >= innerTo) {
      cover(from, to, level + 1, into);
      return;
    }
    cover(from, innerFrom, level + 1, into);
    for (long start = innerFrom; start < innerTo; start += size.millis()) {
      into.add(new Bucket(size, start));
    }
    cover(innerTo, to, level + 1, into);
  }

  static long ceil(long epochMillis, Interval interval) {
    long floor = interval.bucketStart(epochMillis);
    return floor == epochMillis ? floor : floor + interval.millis();
  }
}
