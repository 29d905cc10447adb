package io.clickstream.topology.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.embedded.TestServices;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** The sink's capped sorted sets and field deletions on the real Redis. */
class RedisMirrorSinkTest {
  private final String redisUrl = TestServices.get().redisUrl();
  private final RedisMirrorSink sink = new RedisMirrorSink(redisUrl);
  private final JedisPooled redis = new JedisPooled(URI.create(redisUrl));
  private final String key = "test:" + UUID.randomUUID();

  @AfterEach
  void close() {
    redis.del(key);
    sink.close();
    redis.close();
  }

  @Test
  void aFeedKeepsOnlyItsNewestMembersAndReAddingOneChangesNothing() {
    sink.addToFeeds(List.of(entry("a", 1), entry("b", 2), entry("c", 3)));
    sink.addToFeeds(List.of(entry("d", 4), entry("b", 2)));
    assertThat(redis.zrange(key, 0, -1)).containsExactly("b", "c", "d");
  }

  @Test
  void aWriteWithoutValueDeletesTheField() {
    byte[] one = "1".getBytes(StandardCharsets.UTF_8);
    sink.write(
        List.of(new MirrorWrite(key, "x", one, 0, null), new MirrorWrite(key, "y", one, 0, null)));
    sink.write(List.of(new MirrorWrite(key, "x", null, 0, null)));
    assertThat(redis.hgetAll(key)).containsOnlyKeys("y");
  }

  private FeedEntry entry(String member, double score) {
    return new FeedEntry(key, member.getBytes(StandardCharsets.UTF_8), score, 3);
  }
}
