package io.clickstream.topology.aggregate;

import io.clickstream.platform.redis.RedisKeys;

/** One aggregate of one app, independent of the bucket: the key of the stage-2 stores. */
public record Cell(String appId, Measure measure, String detail) {
  private static final String SEPARATOR = RedisKeys.FIELD_SEPARATOR;

  public String encode() {
    return appId + SEPARATOR + measure.code() + SEPARATOR + detail;
  }

  public static Cell decode(String encoded) {
    String[] parts = encoded.split(SEPARATOR, 3);
    return new Cell(parts[0], Measure.fromCode(parts[1]), parts[2]);
  }
}
