package io.clickstream.topology.visitor;

import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.topology.ZeroPadded;

/**
 * Keys of the per-visitor journey stores. Both start with the visitor's input key {@code
 * app:visitor} and the field separator, so one visitor's entries are one prefix; times are
 * zero-padded so that the stores' byte order is time order.
 */
final class JourneyKeys {
  private static final String SEP = RedisKeys.FIELD_SEPARATOR;

  /** Sorts after every event id: the upper bound of a range of events. */
  private static final String HIGHEST = "\uffff";

  private JourneyKeys() {}

  static String visitorPrefix(String visitorKey) {
    return visitorKey + SEP;
  }

  static String session(String visitorKey, long start) {
    return visitorPrefix(visitorKey) + pad(start);
  }

  static String event(String visitorKey, long ts, String eventId) {
    return visitorPrefix(visitorKey) + pad(ts) + SEP + (eventId == null ? "" : eventId);
  }

  static String firstEvent(String visitorKey, long from) {
    return visitorPrefix(visitorKey) + pad(from);
  }

  static String lastEvent(String visitorKey, long to) {
    return visitorPrefix(visitorKey) + pad(to) + SEP + HIGHEST;
  }

  /** The visitor key ({@code app:visitor}) of a stored key. */
  static String visitorKey(String storeKey) {
    return storeKey.substring(0, storeKey.indexOf(SEP));
  }

  private static String pad(long millis) {
    return ZeroPadded.of(millis, 15);
  }
}
