package io.clickstream.topology.mirror;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
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
        pipeline.hset(key, write.field().getBytes(StandardCharsets.UTF_8), write.value());
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
  public void close() {
    redis.close();
  }
}
