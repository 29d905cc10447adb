package io.clickstream.query.read;

import java.nio.charset.StandardCharsets;
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
 */
public final class RedisReader {
  /** The topology's sketch parameters (topology {@code Sketches}): lgK 14, HLL_4. */
  static final int LG_K = 14;

  private final JedisPooled redis;

  public RedisReader(JedisPooled redis) {
    this.redis = redis;
  }

  public JedisPooled redis() {
    return redis;
  }

  /** Every field of every key, summed per field. */
  public Map<String, Long> sumHashes(Collection<String> keys) {
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

  /**
   * The union of sketches in fields of keys: for each field, the distinct visitors over every key.
   * Fields missing from a key add nothing.
   */
  public Map<String, Long> unionFields(Collection<String> keys, List<String> fields) {
    if (fields.isEmpty() || keys.isEmpty()) {
      return Map.of();
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
    Map<String, Union> unions = new HashMap<>();
    for (Response<List<byte[]>> response : responses) {
      List<byte[]> values = response.get();
      for (int i = 0; i < fields.size(); i++) {
        if (values.get(i) != null) {
          unions.computeIfAbsent(fields.get(i), f -> new Union(LG_K)).update(wrap(values.get(i)));
        }
      }
    }
    Map<String, Long> estimates = new HashMap<>();
    for (String field : fields) {
      Union union = unions.get(field);
      estimates.put(field, union == null ? 0 : Math.round(union.getEstimate()));
    }
    return estimates;
  }

  /** The distinct visitors of one sketch field over many keys. */
  public long union(Collection<String> keys, String field) {
    return unionFields(keys, List.of(field)).get(field);
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

  /** Buckets → keys, for the methods above. */
  public static List<String> keys(List<Bucket> buckets, Function<Bucket, String> key) {
    return buckets.stream().map(key).toList();
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
