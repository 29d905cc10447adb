package io.clickstream.query.endpoints;

import io.clickstream.platform.http.JsonEndpoint;
import io.clickstream.platform.http.QueryParams;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.query.read.TimeRange;
import io.undertow.server.HttpServerExchange;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /retention?periods=8}: weekly cohorts (ISO week of a visitor's first event) and how many
 * of each were active in each following week. Without {@code from}, the {@code periods} cohorts
 * ending with the week holding the range's end; with it, every week the range touches. A cohort's
 * list stops at the current week.
 */
public final class RetentionEndpoint implements JsonEndpoint {
  private final QueryContext context;

  public RetentionEndpoint(QueryContext context) {
    this.context = context;
  }

  @Override
  public Retention handle(HttpServerExchange exchange) {
    String app = context.guard().requireReadable(exchange);
    int periods = QueryParams.intValue(exchange, "periods", 8, 1, 52);
    TimeRange range = context.ranges().parse(exchange);
    LocalDate lastWeek = monday(range.to().minusMillis(1));
    LocalDate firstWeek =
        QueryParams.optional(exchange, "from").isPresent()
            ? monday(range.from())
            : lastWeek.minusWeeks(periods - 1L);
    if (firstWeek.isBefore(lastWeek.minusWeeks(104))) {
      throw io.clickstream.platform.http.ApiException.badRequest(
          "Retention covers at most 105 cohort weeks; shorten the range.");
    }
    LocalDate currentWeek = monday(context.ranges().now());
    Map<String, String> stored = context.reader().redis().hgetAll(RedisKeys.retention(app));
    List<Cohort> cohorts = new ArrayList<>();
    for (LocalDate week = firstWeek; !week.isAfter(lastWeek); week = week.plusWeeks(1)) {
      String name = weekName(week);
      List<Long> retained = new ArrayList<>();
      for (int n = 0; n < periods && !week.plusWeeks(n).isAfter(currentWeek); n++) {
        retained.add(
            Long.parseLong(stored.getOrDefault(RedisKeys.field(name, String.valueOf(n)), "0")));
      }
      cohorts.add(new Cohort(name, retained.isEmpty() ? 0 : retained.get(0), retained));
    }
    return new Retention(cohorts);
  }

  private static LocalDate monday(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** {@code 2026-W47}, the ISO week as the topology names it. */
  static String weekName(LocalDate day) {
    return String.format(
        Locale.ROOT,
        "%d-W%02d",
        day.get(IsoFields.WEEK_BASED_YEAR),
        day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The body of {@code /retention}. */
  public record Retention(List<Cohort> cohorts) {}

  /** One cohort: its week, its size and its active visitors in weeks 0, 1, … after it. */
  public record Cohort(String week, long visitors, List<Long> retained) {}
}
