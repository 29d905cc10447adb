package io.clickstream.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.query.support.Accounts;
import io.clickstream.query.support.Http;
import io.clickstream.query.support.Mirror;
import io.clickstream.query.support.QueryApi;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metric endpoints over a serving copy written into a real Redis as the topology writes it
 * (minute, hour and day buckets alike), with exact expected values. The clock stands at {@link
 * #NOW}; the default range is the 7 days before it, read at hour resolution.
 */
class MetricEndpointsTest {
  static final Instant NOW = Instant.parse("2026-11-22T12:30:00Z");
  private static final String SEP = RedisKeys.FIELD_SEPARATOR;

  private static QueryApiService service;
  private static Mirror mirror;
  private static Accounts.User owner;
  private static String app;

  @BeforeAll
  static void start() {
    owner = Accounts.newUser("owner", Accounts.newDomain());
    app = Accounts.newApp(owner, false);
    service = QueryApi.start(NOW);
    mirror = new Mirror();
    // Eight days ago: outside the default range, inside a month.
    pageview("2026-11-14T10:00:00Z", "v0", "/");
    // v1's session on the 20th: two pageviews, a click and two hovers on /pricing.
    pageview("2026-11-20T09:15:00Z", "v1", "/");
    pageview("2026-11-20T09:15:30Z", "v1", "/pricing");
    event("2026-11-20T09:15:40Z", "v1", "click");
    event("2026-11-20T09:15:50Z", "v1", "hover");
    event("2026-11-20T09:15:55Z", "v1", "hover");
    session("2026-11-20T09:15:00Z", "v1", false, 60_000, "(direct)", null);
    mirror
        .count(app, "2026-11-20T09:15:30Z", RedisKeys::pageTimeMs, "/", 30_000)
        .count(app, "2026-11-20T09:15:30Z", RedisKeys::pageTimeCount, "/", 1)
        .count(app, "2026-11-20T09:15:40Z", RedisKeys::clicks, "/pricing" + SEP + "#buy", 1)
        .count(app, "2026-11-20T09:15:50Z", RedisKeys::hoverMs, "/pricing" + SEP + "#buy", 300)
        .count(app, "2026-11-20T09:15:50Z", RedisKeys::hoverCount, "/pricing" + SEP + "#buy", 1)
        .count(app, "2026-11-20T09:15:55Z", RedisKeys::hoverMs, "/pricing" + SEP + "#buy", 500)
        .count(app, "2026-11-20T09:15:55Z", RedisKeys::hoverCount, "/pricing" + SEP + "#buy", 1);
    // v2 bounces from a newsletter today; v1 signs up just before now.
    pageview("2026-11-22T10:05:00Z", "v2", "/");
    session("2026-11-22T10:05:00Z", "v2", true, 0, "google.com", "news/email/bf");
    mirror
        .count(app, "2026-11-22T12:29:00Z", RedisKeys::totals, RedisKeys.EVENTS, 1)
        .count(app, "2026-11-22T12:29:00Z", RedisKeys::eventTypes, "custom" + SEP + "signup", 1)
        .visit(app, "2026-11-22T12:29:00Z", RedisKeys::sketches, RedisKeys.VISITORS, "v1");
    mirror
        .redis()
        .hset(RedisKeys.live(app), Map.of("active_visitors", "3", "events_last_minute", "12"));
  }

  @AfterAll
  static void stop() {
    service.close();
    mirror.close();
  }

  @Test
  void overviewOfTheLastSevenDaysCountsEachEventOnce() {
    assertThat(get("/overview"))
        .isEqualTo(
            "{\"visitors\":2,\"sessions\":2,\"pageviews\":3,\"events\":7,\"bounce_rate\":0.5,"
                + "\"avg_session_duration_ms\":30000,\"pages_per_session\":1.5}");
  }

  @Test
  void rangesAreFromInclusiveToExclusiveAtTheFinestKeptBuckets() {
    // Within 2 days of now: minute buckets.
    assertThat(get("/overview?from=2026-11-22T10:05:00Z&to=2026-11-22T10:06:00Z"))
        .startsWith("{\"visitors\":1,\"sessions\":1,\"pageviews\":1,\"events\":1,");
    assertThat(get("/overview?from=2026-11-22T10:06:00Z&to=2026-11-22T12:00:00Z"))
        .startsWith("{\"visitors\":0,\"sessions\":0,\"pageviews\":0,\"events\":0,");
    // Eight days back: hour buckets; visitors are a union over days and hours.
    assertThat(get("/overview?from=2026-11-14&to=2026-11-21"))
        .isEqualTo(
            "{\"visitors\":2,\"sessions\":1,\"pageviews\":3,\"events\":6,\"bounce_rate\":0.0,"
                + "\"avg_session_duration_ms\":60000,\"pages_per_session\":3.0}");
    assertThat(get("/overview?from=2026-11-01&interval=day"))
        .startsWith("{\"visitors\":3,\"sessions\":2,\"pageviews\":4,\"events\":8,");
    // Ending within today, before the 12:29 event: read from today's minutes and hours, not from
    // today's bucket, which holds that event too.
    assertThat(get("/overview?from=2026-11-21&to=2026-11-22T11:00:00Z"))
        .isEqualTo(
            "{\"visitors\":1,\"sessions\":1,\"pageviews\":1,\"events\":1,\"bounce_rate\":1.0,"
                + "\"avg_session_duration_ms\":0,\"pages_per_session\":1.0}");
  }

  @Test
  void aRangeBeyondABucketSizesRetentionIsABadRequestThatSaysWhy() {
    Http.Reply reply = call("/overview?from=2026-11-19&interval=minute");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("error").path("message").asText())
        .isEqualTo(
            "minute buckets are kept for 2 days (from 2026-11-20T12:30:00Z on); 'from'"
                + " 2026-11-19T00:00:00Z is older: use a coarser interval or a later 'from'.");
    assertThat(call("/overview?from=2025-01-01").status()).isEqualTo(400);
    assertThat(call("/timeseries?from=2026-11-01&interval=hour").status()).isEqualTo(200);
    assertThat(call("/timeseries?from=2026-10-01&interval=hour").status()).isEqualTo(400);
  }

  @Test
  void timeseriesHasAPointPerBucketZerosIncluded() {
    assertThat(
            get("/timeseries?metric=pageviews&from=2026-11-22T10:03:00Z&to=2026-11-22T10:07:00Z"))
        .isEqualTo(
            "{\"interval\":\"minute\",\"points\":["
                + "{\"t\":\"2026-11-22T10:03:00Z\",\"value\":0},"
                + "{\"t\":\"2026-11-22T10:04:00Z\",\"value\":0},"
                + "{\"t\":\"2026-11-22T10:05:00Z\",\"value\":1},"
                + "{\"t\":\"2026-11-22T10:06:00Z\",\"value\":0}]}");
    assertThat(get("/timeseries?metric=visitors&from=2026-11-20&to=2026-11-23&interval=day"))
        .isEqualTo(
            "{\"interval\":\"day\",\"points\":["
                + "{\"t\":\"2026-11-20T00:00:00Z\",\"value\":1},"
                + "{\"t\":\"2026-11-21T00:00:00Z\",\"value\":0},"
                + "{\"t\":\"2026-11-22T00:00:00Z\",\"value\":2}]}");
    assertThat(get("/timeseries?metric=sessions&from=2026-11-20&to=2026-11-23&interval=day"))
        .contains("\"value\":1},{\"t\":\"2026-11-21T00:00:00Z\",\"value\":0},");
    // Without interval: the finest with at most 500 points (7 days: 168 hours).
    assertThat(call("/timeseries").json().path("interval").asText()).isEqualTo("hour");
    assertThat(call("/timeseries").json().path("points").size()).isEqualTo(168);
    assertThat(call("/timeseries?from=2026-10-01").json().path("interval").asText())
        .isEqualTo("day");
    assertThat(get("/timeseries?metric=events&from=2026-11-22T12:29:00Z&to=2026-11-22T12:30:00Z"))
        .isEqualTo(
            "{\"interval\":\"minute\",\"points\":[{\"t\":\"2026-11-22T12:29:00Z\",\"value\":1}]}");
  }

  @Test
  void pagesHaveViewsVisitorsAndTimeOnPage() {
    assertThat(get("/pages"))
        .isEqualTo(
            "{\"items\":["
                + "{\"path\":\"/\",\"pageviews\":2,\"visitors\":2,\"avg_time_on_page_ms\":30000},"
                + "{\"path\":\"/pricing\",\"pageviews\":1,\"visitors\":1,\"avg_time_on_page_ms\":0}]}");
    assertThat(get("/pages?limit=1&order=avg_time_on_page_ms"))
        .isEqualTo(
            "{\"items\":[{\"path\":\"/\",\"pageviews\":2,\"visitors\":2,\"avg_time_on_page_ms\":30000}]}");
    assertThat(get("/pages?from=2026-11-14&to=2026-11-15"))
        .isEqualTo(
            "{\"items\":[{\"path\":\"/\",\"pageviews\":1,\"visitors\":1,\"avg_time_on_page_ms\":0}]}");
  }

  @Test
  void dimensionsHaveSessionsAndVisitorsPerKey() {
    assertThat(get("/referrers"))
        .isEqualTo(
            "{\"items\":[{\"key\":\"(direct)\",\"sessions\":1,\"visitors\":1},"
                + "{\"key\":\"google.com\",\"sessions\":1,\"visitors\":1}]}");
    assertThat(get("/campaigns"))
        .isEqualTo(
            "{\"items\":[{\"key\":\"news/email/bf\",\"sessions\":1,\"visitors\":1,"
                + "\"source\":\"news\",\"medium\":\"email\",\"campaign\":\"bf\"}]}");
    assertThat(get("/browsers"))
        .isEqualTo("{\"items\":[{\"key\":\"Chrome\",\"sessions\":2,\"visitors\":2}]}");
    assertThat(get("/os"))
        .isEqualTo("{\"items\":[{\"key\":\"Linux\",\"sessions\":2,\"visitors\":2}]}");
    assertThat(get("/devices?order=visitors"))
        .isEqualTo("{\"items\":[{\"key\":\"desktop\",\"sessions\":2,\"visitors\":2}]}");
  }

  @Test
  void eventsPerTypeAndCustomName() {
    assertThat(get("/events"))
        .isEqualTo(
            "{\"items\":[{\"type\":\"pageview\",\"name\":null,\"count\":3},"
                + "{\"type\":\"hover\",\"name\":null,\"count\":2},"
                + "{\"type\":\"click\",\"name\":null,\"count\":1},"
                + "{\"type\":\"custom\",\"name\":\"signup\",\"count\":1}]}");
  }

  @Test
  void engagementCountsActiveVisitorsOfTheDaysEndingTheRange() {
    assertThat(get("/engagement"))
        .isEqualTo(
            "{\"dau\":2,\"wau\":2,\"mau\":3,\"stickiness\":0.6667,\"clicks\":["
                + "{\"path\":\"/pricing\",\"target\":\"#buy\",\"clicks\":1,\"avg_hover_ms\":400}]}");
    // The day holding to − 1 ms is the 20th: only v1 that day.
    assertThat(get("/engagement?from=2026-11-14&to=2026-11-21"))
        .startsWith("{\"dau\":1,\"wau\":2,\"mau\":2,\"stickiness\":0.5,");
  }

  @Test
  void liveFiguresComeFromTheLiveHash() {
    assertThat(get("/live")).isEqualTo("{\"active_visitors\":3,\"events_last_minute\":12}");
  }

  @Test
  void badParametersAreJsonErrors() {
    for (String query :
        new String[] {
          "/pages?limit=0",
          "/pages?limit=ten",
          "/pages?order=random",
          "/overview?from=nope",
          "/overview?from=2026-11-22&to=2026-11-21",
          "/overview?interval=week",
          "/timeseries?metric=bounces",
          "/timeseries?from=2026-11-21&interval=minute&to=2036-11-21",
        }) {
      Http.Reply reply = call(query);
      assertThat(reply.status()).as(query).isEqualTo(400);
      assertThat(reply.json().path("error").path("code").asText()).isEqualTo("bad_request");
      assertThat(reply.json().path("error").path("message").asText()).isNotBlank();
    }
  }

  private static void pageview(String at, String visitor, String path) {
    mirror
        .count(app, at, RedisKeys::totals, RedisKeys.PAGEVIEWS, 1)
        .count(app, at, RedisKeys::totals, RedisKeys.EVENTS, 1)
        .count(app, at, RedisKeys::eventTypes, "pageview", 1)
        .count(app, at, RedisKeys::pagePageviews, path, 1)
        .visit(app, at, RedisKeys::sketches, RedisKeys.VISITORS, visitor)
        .visit(app, at, RedisKeys::pageSketches, path, visitor);
  }

  private static void event(String at, String visitor, String type) {
    mirror
        .count(app, at, RedisKeys::totals, RedisKeys.EVENTS, 1)
        .count(app, at, RedisKeys::eventTypes, type, 1)
        .visit(app, at, RedisKeys::sketches, RedisKeys.VISITORS, visitor);
  }

  private static void session(
      String start,
      String visitor,
      boolean bounce,
      long durationMs,
      String referrer,
      String campaign) {
    mirror
        .count(app, start, RedisKeys::totals, RedisKeys.SESSIONS, 1)
        .count(app, start, RedisKeys::totals, RedisKeys.BOUNCES, bounce ? 1 : 0)
        .count(app, start, RedisKeys::totals, RedisKeys.DURATION_MS, durationMs);
    Map<String, String> dimensions =
        campaign == null
            ? Map.of("referrer", referrer, "browser", "Chrome", "os", "Linux", "device", "desktop")
            : Map.of(
                "referrer", referrer,
                "browser", "Chrome",
                "os", "Linux",
                "device", "desktop",
                "campaign", campaign);
    dimensions.forEach(
        (dimension, key) ->
            mirror
                .count(
                    app,
                    start,
                    (a, i, b) -> RedisKeys.dimensionSessions(a, i, b, dimension),
                    key,
                    1)
                .visit(
                    app,
                    start,
                    (a, i, b) -> RedisKeys.dimensionSketches(a, i, b, dimension),
                    key,
                    visitor));
  }

  private static Http.Reply call(String pathAndQuery) {
    return Http.get(service.url() + "/v1/apps/" + app + pathAndQuery, owner.token());
  }

  private static String get(String pathAndQuery) {
    Http.Reply reply = call(pathAndQuery);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.body();
  }
}
