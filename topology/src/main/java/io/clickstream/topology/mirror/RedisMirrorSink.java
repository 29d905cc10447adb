package io.clickstream.topology.mirror;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;

/** Writes the serving copy to Redis in one pipeline per batch. */
public final class RedisMirrorSink implements MirrorSink {
  private final JedisPooled redis;

  public RedisMirrorSink(String redisUrl) {
    this.redis = new JedisPooled(URI.create(redisUrl));
  }

  @Override
  public void write(List<MirrorWrite> writes) {
    Set<String> channels = new LinkedHashSet<>();
    try (Pipeline pipeline = redis.pipelined()) {
      for (MirrorWrite write : writes) {
        byte[] key = write.key().getBytes(StandardCharsets.UTF_8);
        byte[] field = write.field().getBytes(StandardCharsets.UTF_8);
        if (write.value() == null) {
          pipeline.hdel(key, field);
          continue;
        }
        pipeline.hset(key, field, write.value());
        if (write.ttlSeconds() > 0) {
          pipeline.expire(key, write.ttlSeconds());
        }
        if (write.channel() != null) {
          channels.add(write.channel());
        }
      }
      // Announce after the values, so that a subscriber reading on notice sees them.
      for (String channel : channels) {
        pipeline.publish(channel, "changed");
      }
      pipeline.sync();
    }
  }

  @Override
  public void addToFeeds(List<FeedEntry> entries) {
    Map<String, Integer> capacities = new LinkedHashMap<>();
    try (Pipeline pipeline = redis.pipelined()) {
      for (FeedEntry entry : entries) {
        pipeline.zadd(entry.key().getBytes(StandardCharsets.UTF_8), entry.score(), entry.member());
        capacities.put(entry.key(), entry.capacity());
      }
      capacities.forEach((key, capacity) -> pipeline.zremrangeByRank(key, 0, -(capacity + 1L)));
      pipeline.sync();
    }
  }

  @Override
  public void close() {
    redis.close();
  }
}
