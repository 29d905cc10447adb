package io.clickstream.topology.mirror;

import java.util.List;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;

/** Writes the serving copy to Redis in one pipeline per batch. */
public final class RedisMirrorSink implements MirrorSink {
  private final JedisPooled redis;

  public RedisMirrorSink(String redisUrl) {
    this.redis = new JedisPooled(java.net.URI.create(redisUrl));
  }

  @Override
  public void write(List<MirrorWrite> writes) {
    try (Pipeline pipeline = redis.pipelined()) {
      for (MirrorWrite write : writes) {
        pipeline.hset(write.key(), write.field(), Long.toString(write.value()));
      }
      pipeline.sync();
    }
  }

  @Override
  public void close() {
    redis.close();
  }
}
