package io.clickstream.query.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * Reads the serving copy the topology mirrors into Redis: counters are decimal strings in hash
 * fields, unique visitors are DataSketches HLL sketches (compact bytes) that are unioned over the
 * buckets of a range. Every read of many keys is one pipeline: one round trip.
 *
 * <p>Buckets that can no longer change are read once and kept: the topology drops events older than
 * its stream time minus the session gap (at most 24 h) and a 1 h grace, so a bucket that ended
 * {@link #SETTLED_AFTER} ago is final. A range's settled buckets cost one cache lookup per figure;
 * only its recent buckets are read from Redis each time.
 */
public final class RedisReader {
  /** The topology's sketch parameters (topology {@code Sketches}): lgK 14, HLL_4. */
  static final int LG_K = 14;

  /** Longest session gap (1,440 min) + the topology's late grace (1 h) + a margin. */
  static final Duration SETTLED_AFTER = Duration.ofHours(26);

  /** A figure's bucket keys split by whether they can still change. */
  public record BucketKeys(List<String> settled, List<String> live) {}

  private record SettledField(List<String> keys, String field) {}

  private final JedisPooled redis;
  private final Clock clock;
  private final Cache<List<String>, Map<String, Long>> settledSums =
      Caffeine.newBuilder()
          .expireAfterWrite(Duration.ofMinutes(10))
          .maximumWeight(32L << 20)
          .<List<String>, Map<String, Long>>weigher((keys, sums) -> 64 + 64 * sums.size())
          .build();

  /** A settled union: its HLL_8 image (never modified: unions heapify a copy) and estimate. */
  private record Settled(byte[] hll8, double estimate) {
    static final Settled EMPTY = new Settled(new byte[0], 0);
  }

  private final Cache<SettledField, Settled> settledSketches =
      Caffeine.newBuilder()
          .expireAfterWrite(Duration.ofMinutes(10))
          .maximumWeight(64L << 20)
          .<SettledField, Settled>weigher((key, sketch) -> 64 + sketch.hll8().length)
          .build();

  public RedisReader(JedisPooled redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  /** The key of each bucket, settled ones apart. */
  public BucketKeys keys(List<Bucket> buckets, Function<Bucket, String> key) {
    long settledBy = clock.millis() - SETTLED_AFTER.toMillis();
    List<String> settled = new ArrayList<>();
    List<String> live = new ArrayList<>();
    for (Bucket bucket : buckets) {
      boolean done = bucket.start() + bucket.interval().millis() <= settledBy;
      (done ? settled : live).add(key.apply(bucket));
    }
    return new BucketKeys(List.copyOf(settled), live);
  }

  /**
   * Every field of every bucket, summed per field. Fields that sum to zero are left out: they are
   * retractions (a journey transition or a referrer's session that a late event moved elsewhere),
   * not things that happened.
   */
  public Map<String, Long> sumHashes(BucketKeys keys) {
    Map<String, Long> totals = new HashMap<>(sumHashes(keys.live()));
    if (!keys.settled().isEmpty()) {
      settledSums
          .get(keys.settled(), settled -> Map.copyOf(sumHashes(settled)))
          .forEach((field, value) -> totals.merge(field, value, Long::sum));
    }
    totals.values().removeIf(total -> total == 0);
    return totals;
  }

  /** For each field, the distinct visitors over every bucket. */
  public Map<String, Long> unionFields(BucketKeys keys, List<String> fields) {
    Map<String, Union> live = new HashMap<>();
    addSketches(keys.live(), fields, live);
    Map<String, Settled> settled = settled(keys.settled(), fields);
    Map<String, Long> estimates = new HashMap<>();
    for (String field : fields) {
      Settled old = settled.get(field);
      Union recent = live.get(field);
      double estimate;
      if (recent == null) {
        estimate = old == null ? 0 : old.estimate();
      } else if (old == null) {
        estimate = recent.getEstimate();
      } else {
        // Starting from the settled HLL_8 image keeps its register statistics, so adding the
        // recent (mostly coupon-mode) sketches needs no rescan of every register.
        Union union = Union.heapify(old.hll8());
        union.update(recent.getResult(TgtHllType.HLL_8));
        estimate = union.getEstimate();
      }
      estimates.put(field, Math.round(estimate));
    }
    return estimates;
  }

  /** The union of each field over settled buckets: cached, or read and cached; absent if empty. */
  private Map<String, Settled> settled(List<String> keys, List<String> fields) {
    Map<String, Settled> settled = new HashMap<>();
    if (keys.isEmpty() || fields.isEmpty()) {
      return settled;
    }
    List<String> missing = new ArrayList<>();
    for (String field : fields) {
      Settled cached = settledSketches.getIfPresent(new SettledField(keys, field));
      if (cached == null) {
        missing.add(field);
      } else if (cached != Settled.EMPTY) {
        settled.put(field, cached);
      }
    }
    Map<String, Union> fresh = new HashMap<>();
    addSketches(keys, missing, fresh);
    for (String field : missing) {
      Union union = fresh.get(field);
      Settled result =
          union == null
              ? Settled.EMPTY
              : new Settled(
                  union.getResult(TgtHllType.HLL_8).toUpdatableByteArray(), union.getEstimate());
      settledSketches.put(new SettledField(keys, field), result);
      if (result != Settled.EMPTY) {
        settled.put(field, result);
      }
    }
    return settled;
  }

  /** The distinct visitors of one sketch field over every bucket. */
  public long union(BucketKeys keys, String field) {
    return unionFields(keys, List.of(field)).get(field);
  }

  public JedisPooled redis() {
    return redis;
  }

  private Map<String, Long> sumHashes(Collection<String> keys) {
    Map<String, Long> totals = new HashMap<>();
    for (Map<String, String> hash : hashes(keys)) {
      hash.forEach((field, value) -> totals.merge(field, Long.parseLong(value), Long::sum));
    }
    return totals;
  }

  /** Every field of every key, in key order. */
  public List<Map<String, String>> hashes(Collection<String> keys) {
    List<Response<Map<String, String>>> responses = new ArrayList<>(keys.size());
    try (Pipeline pipeline = redis.pipelined()) {
      for (String key : keys) {
        responses.add(pipeline.hgetAll(key));
      }
      pipeline.sync();
    }
    return responses.stream().map(Response::get).toList();
  }

  /** Adds the sketches in {@code fields} of {@code keys} to one union per field. */
  private void addSketches(List<String> keys, List<String> fields, Map<String, Union> unions) {
    if (fields.isEmpty() || keys.isEmpty()) {
      return;
    }
    byte[][] rawFields = new byte[fields.size()][];
    for (int i = 0; i < fields.size(); i++) {
      rawFields[i] = fields.get(i).getBytes(StandardCharsets.UTF_8);
    }
    List<Response<List<byte[]>>> responses = new ArrayList<>(keys.size());
    try (Pipeline pipeline = redis.pipelined()) {
      for (String key : keys) {
        responses.add(pipeline.hmget(key.getBytes(StandardCharsets.UTF_8), rawFields));
      }
      pipeline.sync();
    }
    for (Response<List<byte[]>> response : responses) {
      List<byte[]> values = response.get();
      for (int i = 0; i < fields.size(); i++) {
        if (values.get(i) != null) {
          unions.computeIfAbsent(fields.get(i), f -> new Union(LG_K)).update(wrap(values.get(i)));
        }
      }
    }
  }

  /** Each key's sketch in one field, estimated alone (a time series' points). */
  public List<Long> estimates(List<String> keys, String field) {
    byte[] rawField = field.getBytes(StandardCharsets.UTF_8);
    List<Response<byte[]>> responses = new ArrayList<>(keys.size());
    try (Pipeline pipeline = redis.pipelined()) {
      for (String key : keys) {
        responses.add(pipeline.hget(key.getBytes(StandardCharsets.UTF_8), rawField));
      }
      pipeline.sync();
    }
    return responses.stream()
        .map(Response::get)
        .map(bytes -> bytes == null ? 0L : Math.round(wrap(bytes).getEstimate()))
        .toList();
  }

  /** One field of each key, as a number (0 when missing), in key order. */
  public List<Long> fieldOfEach(List<String> keys, String field) {
    List<Response<String>> responses = new ArrayList<>(keys.size());
    try (Pipeline pipeline = redis.pipelined()) {
      for (String key : keys) {
        responses.add(pipeline.hget(key, field));
      }
      pipeline.sync();
    }
    return responses.stream()
        .map(Response::get)
        .map(value -> value == null ? 0L : Long.parseLong(value))
        .toList();
  }

  public boolean ping() {
    return "PONG".equals(redis.ping());
  }

  private static HllSketch wrap(byte[] compact) {
    return HllSketch.wrap(Memory.wrap(compact));
  }

  /** An empty sketch with the topology's parameters (tests write sketches with it). */
  public static HllSketch newSketch() {
    return new HllSketch(LG_K, TgtHllType.HLL_4);
  }
}
