package io.clickstream.platform.redis;

import io.clickstream.platform.time.Interval;

/**
 * The Redis key layout of the serving copy, shared by the topology (which writes it) and the query
 * API (which reads it). Every key starts with {@code cs:{appId}:} so one app's data can be found,
 * and the braces make it a Redis Cluster hash tag: one app's keys live on one shard.
 */
public final class RedisKeys {
  private RedisKeys() {}

  /** Hash: path → pageviews in one bucket. */
  public static String pagePageviews(String appId, Interval interval, long bucketStart) {
    return prefix(appId) + "pages:pageviews:" + interval.key() + ":" + bucketStart;
  }

  private static String prefix(String appId) {
    return "cs:{" + appId + "}:";
  }
}
