package io.clickstream.topology.aggregate;

import io.clickstream.platform.redis.RedisKeys;
import java.util.Locale;

/** The per-session breakdowns of DESIGN §5: sessions and visitors per key. */
public enum Dimension {
  REFERRER,
  CAMPAIGN,
  BROWSER,
  OS,
  DEVICE;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The detail of a dimension cell: {@code dimension␟key}. */
  public String detail(String value) {
    return RedisKeys.field(key(), value);
  }

  static String[] split(String detail) {
    return detail.split(RedisKeys.FIELD_SEPARATOR, 2);
  }
}
