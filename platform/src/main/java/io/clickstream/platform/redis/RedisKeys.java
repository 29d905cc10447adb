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

  /** Hash: {@code from␟to} → transitions between consecutive pageview paths, by session start. */
  public static String journeyTransitions(String appId, Interval interval, long bucketStart) {
    return bucket(appId, interval, bucketStart) + "journeys:transitions";
  }

  /** Hash: the first (up to) three pageview paths joined by {@code ␟} → sessions. */
  public static String journeyTopPaths(String appId, Interval interval, long bucketStart) {
    return bucket(appId, interval, bucketStart) + "journeys:top_paths";
  }

  /**
   * Hash: product id → a figure of {@link ProductFigure}. Revenue is in micro-units (price ×
   * quantity × 1,000,000, rounded), so sums stay exact integers.
   */
  public static String products(
      String appId, Interval interval, long bucketStart, ProductFigure figure) {
    return bucket(appId, interval, bucketStart) + "products:" + figure.key();
  }

  /** The per-product figures of DESIGN §4. */
  public enum ProductFigure {
    VIEWS("views"),
    ADD_TO_CART("add_to_cart"),
    PURCHASES("purchases"),
    REVENUE_MICROS("revenue_micros");

    private final String key;

    ProductFigure(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /** Hash: product id → {@code {"name":…,"category":…}} from clickstream.config.products. */
  public static String productInfo(String appId) {
    return prefix(appId) + "products:info";
  }

  /**
   * Hash per funnel and UTC day the attempts started: step index (1-based) → attempts that reached
   * that step.
   */
  public static String funnelCounts(String appId, String funnelId, long dayStart) {
    return prefix(appId) + "funnel:" + funnelId + ":day:" + dayStart + ":counts";
  }

  /**
   * Hash per funnel and UTC day: step index (2…n) → an Apache DataSketches {@code KllDoublesSketch}
   * (compact bytes) of the attempts' times from step 1 to that step, in ms.
   */
  public static String funnelTimes(String appId, String funnelId, long dayStart) {
    return prefix(appId) + "funnel:" + funnelId + ":day:" + dayStart + ":ttc";
  }

  /**
   * Hash: {@code <cohort ISO week, e.g. 2026-W47>␟<n>} → visitors of that cohort active in cohort
   * week + n; n = 0 is the cohort's size.
   */
  public static String retention(String appId) {
    return prefix(appId) + "retention";
  }

  /**
   * Sorted set, the activity feed: the newest 10,000 accepted (non-bot, deduplicated) events as
   * their JSON; score = received_at ms × 1000 + (event id hash mod 1000), so ties are rare and a
   * replay re-adds the same members.
   */
  public static String activity(String appId) {
    return prefix(appId) + "activity";
  }

  /** How many events the activity feed keeps per app (DESIGN §4). */
  public static final int ACTIVITY_CAPACITY = 10_000;

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
