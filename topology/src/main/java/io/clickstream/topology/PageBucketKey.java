package io.clickstream.topology;

/**
 * The key of a per-path aggregate: app, bucket start and path. Encoded as one string with the path
 * last, so paths may contain the separator.
 */
public record PageBucketKey(String appId, long bucketStart, String path) {
  private static final char SEPARATOR = '|';

  public String encode() {
    return appId + SEPARATOR + bucketStart + SEPARATOR + path;
  }

  public static PageBucketKey decode(String encoded) {
    int first = encoded.indexOf(SEPARATOR);
    int second = encoded.indexOf(SEPARATOR, first + 1);
    return new PageBucketKey(
        encoded.substring(0, first),
        Long.parseLong(encoded.substring(first + 1, second)),
        encoded.substring(second + 1));
  }
}
