package io.clickstream.query;

import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/** Reads the serving copy the topology mirrors into Redis. */
public final class MetricsReader {
  private final JedisPooled redis;

  public MetricsReader(JedisPooled redis) {
    this.redis = redis;
  }

  /** Pageviews per path over the hour buckets that start within the range. */
  public Map<String, Long> pageviewsByPath(String appId, TimeRange range) {
    Interval interval = Interval.HOUR;
    List<Response<Map<String, String>>> buckets = new ArrayList<>();
    try (Pipeline pipeline = redis.pipelined()) {
      for (long bucket = interval.bucketStart(range.from().toEpochMilli());
          bucket < range.to().toEpochMilli();
          bucket += interval.millis()) {
        buckets.add(pipeline.hgetAll(RedisKeys.pagePageviews(appId, interval, bucket)));
      }
      pipeline.sync();
    }
    Map<String, Long> totals = new HashMap<>();
    for (Response<Map<String, String>> bucket : buckets) {
      bucket.get().forEach((path, count) -> totals.merge(path, Long.parseLong(count), Long::sum));
    }
    return totals;
  }

  public boolean ping() {
    return "PONG".equals(redis.ping());
  }
}
