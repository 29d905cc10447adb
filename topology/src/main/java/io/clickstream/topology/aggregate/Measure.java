package io.clickstream.topology.aggregate;

import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.redis.RedisKeys.ProductFigure;
import io.clickstream.platform.time.Interval;
import io.clickstream.topology.mirror.MirrorTarget;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every kind of aggregate the topology keeps, and where each lands in the Redis layout. A cell is
 * one measure of one app with a detail (a path, {@code type␟name}, {@code dimension␟key}, …) in one
 * time bucket. Counters add and subtract; sketches only add visitors.
 */
public enum Measure {
  PAGEVIEWS("pv"),
  EVENTS("ev"),
  BOT_EVENTS("be"),
  SESSIONS("se"),
  BOUNCES("bo"),
  DURATION_MS("du"),
  /** detail: {@code type} or {@code custom␟name}. */
  EVENT_TYPE("et"),
  /** detail: path. */
  PAGE_VIEWS("pp"),
  PAGE_TIME_MS("pt"),
  PAGE_TIME_COUNT("pn"),
  /** detail: {@code dimension␟key}, dimension one of {@link Dimension}. */
  DIMENSION_SESSIONS("ds"),
  /** detail: {@code path␟target}. */
  CLICKS("ck"),
  HOVER_MS("hm"),
  HOVER_COUNT("hn"),
  VISITORS("vi"),
  BOT_VISITORS("bv"),
  /** detail: path. */
  PAGE_VISITORS("pv2"),
  /** detail: {@code dimension␟key}. */
  DIMENSION_VISITORS("dv"),
  /** detail: {@code from␟to}, with the pseudo-paths {@code (entry)} and {@code (exit)}. */
  JOURNEY_TRANSITIONS("jt"),
  /** detail: the session's first (up to) three paths joined by {@code ␟}. */
  JOURNEY_TOP_PATHS("jp"),
  /** detail: product id. */
  PRODUCT_VIEWS("rv"),
  PRODUCT_ADD_TO_CART("ra"),
  PRODUCT_PURCHASES("rp"),
  PRODUCT_REVENUE_MICROS("rr");

  private static final Map<String, Measure> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Measure::code, m -> m));

  private final String code;

  Measure(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Measure fromCode(String code) {
    Measure measure = BY_CODE.get(code);
    if (measure == null) {
      throw new IllegalArgumentException("Unknown measure code " + code);
    }
    return measure;
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
      case JOURNEY_TRANSITIONS ->
          new MirrorTarget(RedisKeys.journeyTransitions(appId, interval, bucket), detail);
      case JOURNEY_TOP_PATHS ->
          new MirrorTarget(RedisKeys.journeyTopPaths(appId, interval, bucket), detail);
      case PRODUCT_VIEWS -> product(appId, interval, bucket, ProductFigure.VIEWS, detail);
      case PRODUCT_ADD_TO_CART ->
          product(appId, interval, bucket, ProductFigure.ADD_TO_CART, detail);
      case PRODUCT_PURCHASES -> product(appId, interval, bucket, ProductFigure.PURCHASES, detail);
      case PRODUCT_REVENUE_MICROS ->
          product(appId, interval, bucket, ProductFigure.REVENUE_MICROS, detail);
    };
  }

  private static MirrorTarget product(
      String appId, Interval interval, long bucket, ProductFigure figure, String productId) {
    return new MirrorTarget(RedisKeys.products(appId, interval, bucket, figure), productId);
  }

  private static MirrorTarget total(String appId, Interval interval, long bucket, String field) {
    return new MirrorTarget(RedisKeys.totals(appId, interval, bucket), field);
  }
}
