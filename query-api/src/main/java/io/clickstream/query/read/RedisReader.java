package io.clickstream.query.read;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.clickstream.platform.redis.RedisKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.memory.WritableMemory;
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
 *
 * <p>A missing entry is computed once however many requests ask for it at the same time (the others
 * wait for it), and an entry older than {@link #SETTLED_REFRESH} is recomputed in the background
 * while requests go on reading the old one. Looked up and computed per request instead, a cold or
 * expired entry under load sets every request thread merging the same settled sketches at once.
 */
public final class RedisReader {
  /** The topology's sketch parameters (topology {@code Sketches}): lgK 14, HLL_4. */
  static final int LG_K = 14;

  /** Longest session gap (1,440 min) + the topology's late grace (1 h) + a margin. */
  static final Duration SETTLED_AFTER = Duration.ofHours(26);

  /** A figure's bucket keys split by whether they can still change. */
  public record BucketKeys(List<String> settled, List<String> live) {}

  /**
   * How long a settled figure is used before it is read again: a session still growing more than 26
   * h after its start changes its start's bucket (docs/query-api.md).
   */
  static final Duration SETTLED_REFRESH = Duration.ofMinutes(10);

  /** The settled buckets of a figure and the sketch fields wanted from them (sorted). */
  private record SettledFields(List<String> keys, List<String> fields) {}

  private final JedisPooled redis;
  private final Clock clock;
  private final LoadingCache<List<String>, Map<String, Long>> settledSums =
      Caffeine.newBuilder()
          .refreshAfterWrite(SETTLED_REFRESH)
          .expireAfterAccess(Duration.ofHours(1))
          .maximumWeight(32L << 20)
          .<List<String>, Map<String, Long>>weigher((keys, sums) -> 64 + 64 * sums.size())
          .build(keys -> Map.copyOf(sumHashes(keys)));

  /** Per request thread: room for one union's image (see {@link #unionFields}). */
  private static final ThreadLocal<WritableMemory> UNION_ROOM =
      ThreadLocal.withInitial(() -> WritableMemory.allocate(Union.getMaxSerializationBytes(LG_K)));

  /** A settled union: its HLL_8 image (never modified: requests union into a copy) and estimate. */
  private record Settled(byte[] hll8, double estimate) {}

  private final LoadingCache<SettledFields, Map<String, Settled>> settledSketches =
      Caffeine.newBuilder()
          .refreshAfterWrite(SETTLED_REFRESH)
          .expireAfterAccess(Duration.ofHours(1))
          .maximumWeight(64L << 20)
          .<SettledFields, Map<String, Settled>>weigher(
              (key, unions) ->
                  64 + unions.values().stream().mapToInt(u -> 64 + u.hll8().length).sum())
          .build(this::unionSettled);

  public RedisReader(JedisPooled redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  /** The app's figures over the range, read from the fewest buckets (see {@link #cover}). */
  public RangeReads over(QueryRange range, String app) {
    return new RangeReads(this, app, cover(range, app));
  }

  /**
   * The fewest buckets that add up to the range. A range that ends with part of a day (the default
   * range ends now) is read with that day's bucket when no event is stored in the rest of the day:
   * every accepted event counts in its bucket's totals, so no totals there means the day bucket
   * holds exactly the part in range. That saves a bucket per hour of today, and today's buckets are
   * the ones read from Redis on every request.
   */
  private List<Bucket> cover(QueryRange range, String app) {
    Optional<QueryRange.WholeLastDay> whole = range.wholeLastDay();
    if (whole.isEmpty()) {
      return range.cover();
    }
    String[] beyond =
        whole.get().beyondRange().stream()
            .map(b -> RedisKeys.totals(app, b.interval(), b.start()))
            .toArray(String[]::new);
    boolean nothingBeyond = beyond.length == 0 || redis.exists(beyond) == 0;
    return nothingBeyond ? whole.get().cover() : range.cover();
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
          .get(keys.settled())
          .forEach((field, value) -> totals.merge(field, value, Long::sum));
    }
    totals.values().removeIf(total -> total == 0);
    return totals;
  }

  /**
   * For each field, the distinct visitors over every bucket. The recent sketches are added to a
   * copy of the settled union's HLL_8 image, whose registers take them directly (unioned apart
   * first, they went through coupon lists and hash sets that grow and convert: half the time of
   * {@code /pages}, profiled). The copy is made in this thread's {@link #UNION_ROOM}: a new 16 KiB
   * image per field and request was most of what the young collector had to clear, and its pauses
   * were the slowest percent of requests.
   */
  public Map<String, Long> unionFields(BucketKeys keys, List<String> fields) {
    Map<String, Settled> settled = settled(keys.settled(), fields);
    Map<String, List<byte[]>> recent = sketches(keys.live(), fields);
    Map<String, Long> estimates = new HashMap<>();
    for (String field : fields) {
      Settled old = settled.get(field);
      List<byte[]> parts = recent.getOrDefault(field, List.of());
      double estimate;
      if (parts.isEmpty()) {
        estimate = old == null ? 0 : old.estimate();
      } else {
        Union union = old == null ? new Union(LG_K) : inUnionRoom(old.hll8());
        parts.forEach(part -> union.update(wrap(part)));
        estimate = union.getEstimate();
      }
      estimates.put(field, Math.round(estimate));
    }
    return estimates;
  }

  /** A union over a copy of {@code hll8}, in this thread's room: valid until its next use. */
  private static Union inUnionRoom(byte[] hll8) {
    WritableMemory room = UNION_ROOM.get();
    room.clear(); // nothing of a longer earlier image is left beyond a short coupon-mode one
    room.putByteArray(0, hll8, 0, hll8.length);
    return Union.writableWrap(room);
  }

  /** The union of each field over settled buckets (cached); a field without sketches is absent. */
  private Map<String, Settled> settled(List<String> keys, List<String> fields) {
    if (keys.isEmpty() || fields.isEmpty()) {
      return Map.of();
    }
    return settledSketches.get(new SettledFields(keys, List.copyOf(new TreeSet<>(fields))));
  }

  private Map<String, Settled> unionSettled(SettledFields wanted) {
    Map<String, Settled> unions = new HashMap<>();
    sketches(wanted.keys(), wanted.fields())
        .forEach(
            (field, parts) -> {
              Union union = new Union(LG_K);
              parts.forEach(part -> union.update(wrap(part)));
              unions.put(
                  field,
                  new Settled(
                      union.getResult(TgtHllType.HLL_8).toUpdatableByteArray(),
                      union.getEstimate()));
            });
    return Map.copyOf(unions);
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

  /** The sketches in {@code fields} of {@code keys}, per field; a field without any is absent. */
  private Map<String, List<byte[]>> sketches(List<String> keys, List<String> fields) {
    Map<String, List<byte[]>> sketches = new HashMap<>();
    if (fields.isEmpty() || keys.isEmpty()) {
      return sketches;
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
          sketches.computeIfAbsent(fields.get(i), f -> new ArrayList<>()).add(values.get(i));
        }
      }
    }
    return sketches;
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
