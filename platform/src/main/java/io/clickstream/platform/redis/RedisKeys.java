package io.clickstream.platform.redis;

import io.clickstream.platform.time.Interval;

/**
 * The Redis key layout of the serving copy, shared by the topology (which writes it) and the query
 * API (which reads it). Every key starts with {@code cs:{appId}:}; the braces make it a Redis
 * Cluster hash tag, so one app's keys live on one shard. A bucket's figures are hashes under {@code
 * cs:{appId}:<interval>:<bucket start ms>:}; composite fields join their parts with {@link
 * #FIELD_SEPARATOR}. Sketch values are Apache DataSketches HLL sketches in compact form.
 */
public final class RedisKeys {
  /** Joins the parts of a composite hash field, e.g. path and target of a click. */
  public static final String FIELD_SEPARATOR = "\u001f";

  /** Fields of {@link #totals}. */
  public static final String PAGEVIEWS = "pageviews";

  public static final String EVENTS = "events";
  public static final String SESSIONS = "sessions";
  public static final String BOUNCES = "bounces";
  public static final String DURATION_MS = "duration_ms";
  public static final String BOT_EVENTS = "bot_events";

  /** Fields of {@link #sketches}. */
  public static final String VISITORS = "visitors";

  public static final String BOT_VISITORS = "bot_visitors";

  private RedisKeys() {}

  /** Hash: pageviews, events, sessions, bounces, duration_ms, bot_events of one bucket. */
  public static String totals(String appId, Interval interval, long bucketStart) {
    return bucket(appId, interval, bucketStart) + "totals";
  }

  /** Hash: {@code type} or {@code type␟name} (custom events) → events. */
  public static String eventTypes(String appId, Interval interval, long bucketStart) {
    return bucket(appId, interval, bucketStart) + "events";
  }

  /** Hash: path → pageviews. */
  public static String pagePageviews(String appId, Interval interval, long bucketStart) {
    return bucket(appId, interval, bucketStart) + "pages:pageviews";
  }

  /** Hash: path → total time on page (ms) of the pageviews that count for it (DESIGN §4). */
  public static String pageTimeMs(String appId, Interval interval, long bucketStart) {
    return bucket(appId, interval, bucketStart) + "pages:time_ms";
  }

  /** Hash: path → pageviews counted for time on page. */
  public static String pageTimeCount(String appId, Interval interval, long bucketStart) {
    return bucket(appId, interval, bucketStart) + "pages:time_n";
  }

  /** Hash: key → sessions, for dimension referrer, campaign, browser, os or device. */
  public static String dimensionSessions(
      String appId, Interval interval, long bucketStart, String dimension) {
    return bucket(appId, interval, bucketStart) + "dim:" + dimension;
  }

  /** Hash: {@code path␟target} → clicks. */
  public static String clicks(String appId, Interval interval, long bucketStart) {
    return bucket(appId, interval, bucketStart) + "clicks";
  }

  /** Hash: {@code path␟target} → total hover dwell (ms). */
  public static String hoverMs(String appId, Interval interval, long bucketStart) {
    return bucket(appId, interval, bucketStart) + "hover_ms";
  }

  /** Hash: {@code path␟target} → hovers. */
  public static String hoverCount(String appId, Interval interval, long bucketStart) {
    return bucket(appId, interval, bucketStart) + "hover_n";
  }

  /** Hash of sketches: visitors, bot_visitors. */
  public static String sketches(String appId, Interval interval, long bucketStart) {
    return bucket(appId, interval, bucketStart) + "hll";
  }

  /** Hash of sketches: path → visitors of that path. */
  public static String pageSketches(String appId, Interval interval, long bucketStart) {
    return bucket(appId, interval, bucketStart) + "hll:pages";
  }

  /** Hash of sketches: key → visitors, for a dimension. */
  public static String dimensionSketches(
      String appId, Interval interval, long bucketStart, String dimension) {
    return bucket(appId, interval, bucketStart) + "hll:dim:" + dimension;
  }

  /** Hash: active_visitors, events_last_minute, updated_at — the live figures. */
  public static String live(String appId) {
    return prefix(appId) + "live";
  }

  /** Pub/sub channel announcing that the app's live figures changed. */
  public static String liveChannel(String appId) {
    return prefix(appId) + "live";
  }

  public static String field(String first, String second) {
    return first + FIELD_SEPARATOR + second;
  }

  private static String bucket(String appId, Interval interval, long bucketStart) {
    return prefix(appId) + interval.key() + ":" + bucketStart + ":";
  }

  private static String prefix(String appId) {
    return "cs:{" + appId + "}:";
  }
}
