package io.clickstream.simulator.truth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The figures the pipeline must report for one app (DESIGN §4, §5), computed from exactly the
 * events the collector accepted. Raw sums sit beside every ratio so that a check can compare
 * integers.
 *
 * @param breakdowns sessions and visitors per key of {@code referrers}, {@code campaigns}, {@code
 *     browsers}, {@code os} and {@code devices}
 * @param clicks clicks and hovers per page and target (DESIGN §4 engagement)
 * @param journeys transitions between pages and the most common first pages of sessions
 * @param funnel null when the run was given no funnel
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppTruth(
    @JsonProperty("app_id") String appId,
    Overview overview,
    List<PageFigures> pages,
    List<EventCount> events,
    Map<String, List<KeyFigures>> breakdowns,
    List<TargetFigures> clicks,
    Journeys journeys,
    FunnelFigures funnel,
    List<ProductFigures> products,
    BotFigures bots) {

  /** The overview; ratios are 0 without sessions. */
  public record Overview(
      long visitors,
      long sessions,
      long pageviews,
      long events,
      @JsonProperty("bounce_rate") double bounceRate,
      @JsonProperty("avg_session_duration_ms") double avgSessionDurationMs,
      @JsonProperty("pages_per_session") double pagesPerSession,
      long bounces,
      @JsonProperty("duration_ms") long durationMs) {}

  /**
   * One path; {@code avg_time_on_page_ms} is null when none of its pageviews had a time on page.
   */
  public record PageFigures(
      String path,
      long pageviews,
      long visitors,
      @JsonProperty("avg_time_on_page_ms") Double avgTimeOnPageMs,
      @JsonProperty("time_on_page_ms") long timeOnPageMs,
      @JsonProperty("time_on_page_count") long timeOnPageCount) {}

  /** Sessions and distinct visitors of one key of a breakdown. */
  public record KeyFigures(String key, long sessions, long visitors) {}

  /** One page element's clicks and hovers; {@code avg_hover_ms} is null without hovers. */
  public record TargetFigures(
      String path,
      String target,
      long clicks,
      long hovers,
      @JsonProperty("hover_ms") long hoverMs,
      @JsonProperty("avg_hover_ms") Double avgHoverMs) {}

  /** DESIGN §5's journeys, most common first. */
  public record Journeys(
      List<Transition> transitions, @JsonProperty("top_paths") List<TopPath> topPaths) {
    public record Transition(String from, String to, long count) {}

    /** The first (up to) three pageview paths of sessions, and how many sessions began so. */
    public record TopPath(List<String> pages, long sessions) {}
  }

  /** Events of one type (and custom name). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EventCount(String type, String name, long count) {}

  /**
   * Attempts that reached each step, by the UTC day the attempt started and in all.
   *
   * @param counts per step, 1-based order, summed over the days
   */
  public record FunnelFigures(List<String> steps, List<FunnelDay> days, List<Long> counts) {}

  public record FunnelDay(String day, List<Long> counts) {}

  /** One product's figures; revenue also in micro-units, as the pipeline sums it. */
  public record ProductFigures(
      @JsonProperty("product_id") String productId,
      long views,
      @JsonProperty("add_to_cart") long addToCart,
      long purchases,
      double revenue,
      @JsonProperty("revenue_micros") long revenueMicros) {}

  /** What the pipeline counts apart as bots' (after dedupe). */
  public record BotFigures(long events, long visitors) {}
}
