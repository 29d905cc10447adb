package io.clickstream.query.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.embedded.TestServices;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * Unions over settled and recent buckets, on a real Redis, against DataSketches' own union of the
 * same sketches in the same order. The fields are read in one call, so the union of the small field
 * reuses the room the large field's 16 KiB image was written into.
 */
class RedisReaderUnionTest {
  private static final String PREFIX = "union-test:" + UUID.randomUUID() + ":";
  private static JedisPooled redis;
  private static RedisReader reader;

  @BeforeAll
  static void start() {
    redis = new JedisPooled(URI.create(TestServices.get().redisUrl()));
    reader = new RedisReader(redis, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    redis.close();
  }

  @Test
  void recentSketchesAddedToTheSettledUnionGiveDataSketchesOwnUnion() {
    // "big": in HLL mode already when settled; "small": a coupon list when settled, pushed into
    // HLL mode by the recent buckets; "fresh": recent buckets only.
    Map<String, byte[]> settledOne =
        Map.of("big", sketch("a", 0, 20_000), "small", sketch("b", 0, 40));
    Map<String, byte[]> settledTwo =
        Map.of("big", sketch("a", 15_000, 30_000), "small", sketch("b", 20, 90));
    Map<String, byte[]> recentOne =
        Map.of(
            "big", sketch("a", 29_000, 35_000),
            "small", sketch("b", 50, 6_000),
            "fresh", sketch("c", 0, 10));
    Map<String, byte[]> recentTwo = Map.of("fresh", sketch("c", 5, 7_000));
    List<String> settled = List.of(store("s1", settledOne), store("s2", settledTwo));
    List<String> recent = List.of(store("r1", recentOne), store("r2", recentTwo));

    Map<String, Long> estimates =
        reader.unionFields(
            new RedisReader.BucketKeys(settled, recent), List.of("big", "small", "fresh"));

    assertThat(estimates)
        .containsEntry("big", expected(List.of(settledOne, settledTwo), List.of(recentOne), "big"))
        .containsEntry(
            "small", expected(List.of(settledOne, settledTwo), List.of(recentOne), "small"))
        .containsEntry("fresh", expected(List.of(), List.of(recentOne, recentTwo), "fresh"));
    assertThat(estimates.get("big")).isBetween(34_000L, 36_000L);
    assertThat(estimates.get("small")).isBetween(5_900L, 6_100L);
  }

  @Test
  void aFieldWithoutRecentSketchesIsTheSettledUnion() {
    Map<String, byte[]> old = Map.of("f", sketch("d", 0, 1_000));
    List<String> settled = List.of(store("s3", old));

    assertThat(reader.unionFields(new RedisReader.BucketKeys(settled, List.of()), List.of("f")))
        .isEqualTo(Map.of("f", 1_000L));
  }

  @Test
  void requestsArrivingTogetherOnAColdCacheReadTheSettledBucketsOnce() throws Exception {
    Map<String, byte[]> bucket = Map.of("g", sketch("e", 0, 500));
    List<String> settled = List.of(store("s4", bucket), store("s5", bucket), store("s6", bucket));
    RedisReader cold = new RedisReader(redis, Clock.systemUTC());
    int requests = 16;
    ExecutorService threads = Executors.newFixedThreadPool(requests);
    CountDownLatch start = new CountDownLatch(1);
    long before = hmgetCalls();
    try {
      List<Future<Map<String, Long>>> answers = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        answers.add(
            threads.submit(
                () -> {
                  start.await();
                  return cold.unionFields(
                      new RedisReader.BucketKeys(settled, List.of()), List.of("g"));
                }));
      }
      start.countDown();
      for (Future<Map<String, Long>> answer : answers) {
        assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(Map.of("g", 500L));
      }
    } finally {
      threads.shutdownNow();
    }
    // One pipeline of one HMGET per settled bucket, for all sixteen.
    assertThat(hmgetCalls() - before).isEqualTo(settled.size());
  }

  private static long hmgetCalls() {
    return redis
        .info("commandstats")
        .lines()
        .filter(line -> line.startsWith("cmdstat_hmget:"))
        .map(line -> line.substring(line.indexOf("calls=") + 6, line.indexOf(',')))
        .mapToLong(Long::parseLong)
        .sum();
  }

  /** The previous way: a heap union of the settled image, then each recent sketch. */
  private static long expected(
      List<Map<String, byte[]>> settled, List<Map<String, byte[]>> recent, String field) {
    Union union = new Union(RedisReader.LG_K);
    settled.stream()
        .filter(bucket -> bucket.containsKey(field))
        .forEach(bucket -> union.update(HllSketch.heapify(bucket.get(field))));
    Union all =
        settled.isEmpty()
            ? new Union(RedisReader.LG_K)
            : Union.heapify(union.getResult(TgtHllType.HLL_8).toUpdatableByteArray());
    recent.stream()
        .filter(bucket -> bucket.containsKey(field))
        .forEach(bucket -> all.update(HllSketch.wrap(Memory.wrap(bucket.get(field)))));
    return Math.round(all.getEstimate());
  }

  private static byte[] sketch(String prefix, int from, int to) {
    HllSketch sketch = RedisReader.newSketch();
    for (int i = from; i < to; i++) {
      sketch.update(prefix + i);
    }
    return sketch.toCompactByteArray();
  }

  private static String store(String name, Map<String, byte[]> fields) {
    String key = PREFIX + name;
    fields.forEach((field, value) -> redis.hset(bytes(key), bytes(field), value));
    return key;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
