package io.clickstream.query.support;

import io.clickstream.embedded.TestServices;
import io.clickstream.platform.time.Interval;
import io.clickstream.query.read.RangeReads.BucketKey;
import io.clickstream.query.read.RedisReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import redis.clients.jedis.JedisPooled;

/**
 * Writes the serving copy the way the topology does: every figure into its minute, hour and day
 * bucket alike, so a test can check that a range reads each event exactly once.
 */
public final class Mirror implements AutoCloseable {
  private final JedisPooled redis = new JedisPooled(URI.create(TestServices.get().redisUrl()));

  public JedisPooled redis() {
    return redis;
  }

  /** Adds {@code delta} to a counter field at {@code at}, in all three bucket sizes. */
  public Mirror count(String appId, String at, BucketKey key, String field, long delta) {
    long ts = Instant.parse(at).toEpochMilli();
    for (Interval interval : Interval.values()) {
      redis.hincrBy(key.of(appId, interval, interval.bucketStart(ts)), field, delta);
    }
    return this;
  }

  /** Adds a visitor to a sketch field at {@code at}, in all three bucket sizes. */
  public Mirror visit(String appId, String at, BucketKey key, String field, String visitor) {
    long ts = Instant.parse(at).toEpochMilli();
    byte[] rawField = field.getBytes(StandardCharsets.UTF_8);
    for (Interval interval : Interval.values()) {
      byte[] rawKey =
          key.of(appId, interval, interval.bucketStart(ts)).getBytes(StandardCharsets.UTF_8);
      byte[] current = redis.hget(rawKey, rawField);
      HllSketch sketch = RedisReader.newSketch();
      if (current != null) {
        Union union = new Union(14);
        union.update(HllSketch.heapify(current));
        sketch = union.getResult(sketch.getTgtHllType());
      }
      sketch.update(visitor);
      redis.hset(rawKey, rawField, sketch.toCompactByteArray());
    }
    return this;
  }

  @Override
  public void close() {
    redis.close();
  }
}
