package io.clickstream.query.read;

import io.clickstream.platform.time.Interval;
import java.util.List;
import java.util.Map;

/**
 * One app's figures over one range's buckets ({@link RedisReader#over}): each figure named by its
 * {@code RedisKeys} key function, e.g. {@code reads.sum(RedisKeys::pagePageviews)}.
 */
public final class RangeReads {
  /** A bucketed key of {@code RedisKeys}: (app, interval, bucket start) → key. */
  @FunctionalInterface
  public interface BucketKey {
    String of(String appId, Interval interval, long bucketStart);
  }

  private final RedisReader reader;
  private final String app;
  private final List<Bucket> cover;

  RangeReads(RedisReader reader, String app, List<Bucket> cover) {
    this.reader = reader;
    this.app = app;
    this.cover = cover;
  }

  /**
   * Every field of the figure's hashes, summed over the range (see {@link RedisReader#sumHashes}).
   */
  public Map<String, Long> sum(BucketKey key) {
    return reader.sumHashes(keys(key));
  }

  /** For each field, the distinct visitors of the figure's sketches over the range. */
  public Map<String, Long> union(BucketKey key, List<String> fields) {
    return reader.unionFields(keys(key), fields);
  }

  /** The distinct visitors of one sketch field over the range. */
  public long union(BucketKey key, String field) {
    return reader.union(keys(key), field);
  }

  private RedisReader.BucketKeys keys(BucketKey key) {
    return reader.keys(cover, b -> key.of(app, b.interval(), b.start()));
  }
}
