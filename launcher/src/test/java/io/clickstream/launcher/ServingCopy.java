package io.clickstream.launcher;

import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import redis.clients.jedis.JedisPooled;

/**
 * Reads an app's figures straight from the Redis serving copy, in the layout of platform's {@link
 * RedisKeys}, summed over a run of UTC day buckets. For the figures the query API does not serve
 * yet (overview, time on page, visitors per page, events per type): end-to-end tests switch to the
 * query API's endpoints as they land.
 */
final class ServingCopy {
  private static final int LG_K = 14;

  private final JedisPooled redis;
  private final String appId;
  private final long fromDay;
  private final long toDay;

  /** The day buckets from the one holding {@code fromMs} to the one holding {@code toMs}. */
  ServingCopy(JedisPooled redis, String appId, long fromMs, long toMs) {
    this.redis = redis;
    this.appId = appId;
    this.fromDay = Interval.DAY.bucketStart(fromMs);
    this.toDay = Interval.DAY.bucketStart(toMs);
  }

  /** A field of the totals hash (pageviews, events, sessions, bounces, duration_ms, …). */
  long total(String field) {
    long sum = 0;
    for (long day = fromDay; day <= toDay; day += Interval.DAY.millis()) {
      String value = redis.hget(RedisKeys.totals(appId, Interval.DAY, day), field);
      sum += value == null ? 0 : Long.parseLong(value);
    }
    return sum;
  }

  /** Sums of every field of a hash kind over the days, e.g. pageviews per path. */
  Map<String, Long> sums(KeyOfDay key) {
    Map<String, Long> sums = new TreeMap<>();
    for (long day = fromDay; day <= toDay; day += Interval.DAY.millis()) {
      redis
          .hgetAll(key.of(appId, Interval.DAY, day))
          .forEach((field, value) -> sums.merge(field, Long.parseLong(value), Long::sum));
    }
    return sums;
  }

  /** Distinct ids of a sketch field of {@code sketchKey} over the days. */
  long distinct(KeyOfDay sketchKey, String field) {
    Union union = new Union(LG_K);
    byte[] fieldBytes = field.getBytes(StandardCharsets.UTF_8);
    for (long day = fromDay; day <= toDay; day += Interval.DAY.millis()) {
      byte[] sketch =
          redis.hget(
              sketchKey.of(appId, Interval.DAY, day).getBytes(StandardCharsets.UTF_8), fieldBytes);
      if (sketch != null) {
        union.update(HllSketch.heapify(sketch));
      }
    }
    return Math.round(union.getEstimate());
  }

  /** One of RedisKeys' per-bucket key functions. */
  interface KeyOfDay {
    String of(String appId, Interval interval, long bucketStart);
  }
}
