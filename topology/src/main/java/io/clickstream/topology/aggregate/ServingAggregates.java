package io.clickstream.topology.aggregate;

import io.clickstream.platform.time.Interval;
import io.clickstream.topology.mirror.MirrorBuffer;
import io.clickstream.topology.mirror.MirrorTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Stage 2's aggregates that are addressed by serving key and field rather than by measure and
 * bucket: funnel step counts and times to convert per day, retention per cohort week. Each is kept
 * in a day bucket of a window store (so it expires with the day buckets, after 400 days) and
 * mirrored as an absolute value: a counter as decimal text, a time as the compact bytes of a KLL
 * quantile sketch.
 */
final class ServingAggregates {
  static final String COUNTS_STORE = "serving-counts-store";
  static final String QUANTILES_STORE = "serving-quantiles-store";

  /** KLL accuracy parameter: ~1.3 % rank error, a few KiB per sketch. */
  static final int KLL_K = 200;

  private static final String SEP = "\u001e";
  private static final Duration TTL = Interval.DAY.retention();

  private final WindowStore<String, Long> counts;
  private final WindowStore<String, byte[]> quantiles;
  private final MirrorBuffer mirror;

  ServingAggregates(ProcessorContext<?, ?> context, MirrorBuffer mirror) {
    this.counts = context.getStateStore(COUNTS_STORE);
    this.quantiles = context.getStateStore(QUANTILES_STORE);
    this.mirror = mirror;
  }

  void add(ServingCount count) {
    String key = count.key() + SEP + count.field();
    Long current = counts.fetch(key, count.day());
    long value = (current == null ? 0 : current) + count.amount();
    counts.put(key, value, count.day());
    mirror(key, ascii(value));
  }

  void add(ServingSample sample) {
    String key = sample.key() + SEP + sample.field();
    byte[] current = quantiles.fetch(key, sample.day());
    KllDoublesSketch sketch =
        current == null
            ? KllDoublesSketch.newHeapInstance(KLL_K)
            : KllDoublesSketch.heapify(Memory.wrap(current));
    sample.values().forEach(sketch::update);
    byte[] bytes = sketch.toByteArray();
    quantiles.put(key, bytes, sample.day());
    mirror(key, bytes);
  }

  /** {@code --rebuild-mirror}: every stored value is written again. */
  void markEverythingPending() {
    try (KeyValueIterator<Windowed<String>, Long> it = counts.all()) {
      while (it.hasNext()) {
        KeyValue<Windowed<String>, Long> entry = it.next();
        mirror(entry.key.key(), ascii(entry.value));
      }
    }
    try (KeyValueIterator<Windowed<String>, byte[]> it = quantiles.all()) {
      while (it.hasNext()) {
        KeyValue<Windowed<String>, byte[]> entry = it.next();
        mirror(entry.key.key(), entry.value);
      }
    }
  }

  private void mirror(String storeKey, byte[] value) {
    int split = storeKey.indexOf(SEP);
    mirror.put(
        new MirrorTarget(storeKey.substring(0, split), storeKey.substring(split + 1)),
        value,
        TTL,
        null);
  }

  private static byte[] ascii(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }
}
