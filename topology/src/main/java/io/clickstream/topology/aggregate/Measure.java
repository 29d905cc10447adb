package io.clickstream.topology.aggregate;

import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import io.clickstream.topology.mirror.MirrorTarget;

/**
 * Every kind of aggregate the topology keeps, and where each lands in the Redis layout. A cell is
 * one measure of one app with a detail (a path, {@code type␟name}, {@code dimension␟key}, …) in one
 * time bucket. Counters add and subtract; sketches only add visitors.
 */
public enum Measure {
  PAGEVIEWS("pv", false),
  EVENTS("ev", false),
  BOT_EVENTS("be", false),
  SESSIONS("se", false),
  BOUNCES("bo", false),
  DURATION_MS("du", false),
  /** detail: {@code type} or {@code custom␟name}. */
  EVENT_TYPE("et", false),
  /** detail: path. */
  PAGE_VIEWS("pp", false),
  PAGE_TIME_MS("pt", false),
  PAGE_TIME_COUNT("pn", false),
  /** detail: {@code dimension␟key}, dimension one of {@link Dimension}. */
  DIMENSION_SESSIONS("ds", false),
  /** detail: {@code path␟target}. */
  CLICKS("ck", false),
  HOVER_MS("hm", false),
  HOVER_COUNT("hn", false),
  VISITORS("vi", true),
  BOT_VISITORS("bv", true),
  /** detail: path. */
  PAGE_VISITORS("pv2", true),
  /** detail: {@code dimension␟key}. */
  DIMENSION_VISITORS("dv", true);

  private final String code;
  private final boolean sketch;

  Measure(String code, boolean sketch) {
    this.code = code;
    this.sketch = sketch;
  }

  public String code() {
    return code;
  }

  public boolean isSketch() {
    return sketch;
  }

  public static Measure fromCode(String code) {
    for (Measure measure : values()) {
      if (measure.code.equals(code)) {
        return measure;
      }
    }
    throw new IllegalArgumentException("Unknown measure code " + code);
  }

  /** The hash and field holding this measure's value for one bucket. */
  public MirrorTarget target(String appId, Interval interval, long bucket, String detail) {
    return switch (this) {
      case PAGEVIEWS -> total(appId, interval, bucket, RedisKeys.PAGEVIEWS);
      case EVENTS -> total(appId, interval, bucket, RedisKeys.EVENTS);
      case BOT_EVENTS -> total(appId, interval, bucket, RedisKeys.BOT_EVENTS);
      case SESSIONS -> total(appId, interval, bucket, RedisKeys.SESSIONS);
      case BOUNCES -> total(appId, interval, bucket, RedisKeys.BOUNCES);
      case DURATION_MS -> total(appId, interval, bucket, RedisKeys.DURATION_MS);
      case EVENT_TYPE -> new MirrorTarget(RedisKeys.eventTypes(appId, interval, bucket), detail);
      case PAGE_VIEWS -> new MirrorTarget(RedisKeys.pagePageviews(appId, interval, bucket), detail);
      case PAGE_TIME_MS -> new MirrorTarget(RedisKeys.pageTimeMs(appId, interval, bucket), detail);
      case PAGE_TIME_COUNT ->
          new MirrorTarget(RedisKeys.pageTimeCount(appId, interval, bucket), detail);
      case DIMENSION_SESSIONS -> {
        String[] parts = Dimension.split(detail);
        yield new MirrorTarget(
            RedisKeys.dimensionSessions(appId, interval, bucket, parts[0]), parts[1]);
      }
      case CLICKS -> new MirrorTarget(RedisKeys.clicks(appId, interval, bucket), detail);
      case HOVER_MS -> new MirrorTarget(RedisKeys.hoverMs(appId, interval, bucket), detail);
      case HOVER_COUNT -> new MirrorTarget(RedisKeys.hoverCount(appId, interval, bucket), detail);
      case VISITORS ->
          new MirrorTarget(RedisKeys.sketches(appId, interval, bucket), RedisKeys.VISITORS);
      case BOT_VISITORS ->
          new MirrorTarget(RedisKeys.sketches(appId, interval, bucket), RedisKeys.BOT_VISITORS);
      case PAGE_VISITORS ->
          new MirrorTarget(RedisKeys.pageSketches(appId, interval, bucket), detail);
      case DIMENSION_VISITORS -> {
        String[] parts = Dimension.split(detail);
        yield new MirrorTarget(
            RedisKeys.dimensionSketches(appId, interval, bucket, parts[0]), parts[1]);
      }
    };
  }

  private static MirrorTarget total(String appId, Interval interval, long bucket, String field) {
    return new MirrorTarget(RedisKeys.totals(appId, interval, bucket), field);
  }
}
