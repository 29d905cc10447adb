package io.clickstream.topology;

import static io.clickstream.platform.time.Interval.DAY;
import static io.clickstream.platform.time.Interval.HOUR;
import static io.clickstream.platform.time.Interval.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.topology.aggregate.Measure;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-event figures, dedupe, bots, dimensions and rollups, through the production topology. */
class EventMetricsTest {
  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
  private final TopologyHarness h = new TopologyHarness(T);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void pageviewsAndEventsAreCountedPerNormalisedPathAndRolledUpIntoHoursAndDays() {
    h.pageview("v1", "https://shop.example/products/", T.plusSeconds(10));
    h.pageview("v2", "https://shop.example/products?sort=price", T.plusSeconds(70));
    h.pageview("v1", "https://shop.example/products#reviews", T.plus(Duration.ofMinutes(59)));
    h.pageview("v3", "https://shop.example", T.plus(Duration.ofMinutes(61)));
    h.send(h.event(EventType.CUSTOM, "v1", T.plusSeconds(20)).name("signup").build());
    h.flush();

    assertThat(h.counter(Measure.PAGE_VIEWS, "/products", MINUTE, T)).isEqualTo(1);
    assertThat(h.counter(Measure.PAGE_VIEWS, "/products", HOUR, T)).isEqualTo(3);
    assertThat(h.counter(Measure.PAGE_VIEWS, "/", HOUR, T.plus(Duration.ofHours(1)))).isEqualTo(1);
    assertThat(h.counter(Measure.PAGEVIEWS, DAY, T)).isEqualTo(4);
    assertThat(h.counter(Measure.EVENTS, DAY, T)).isEqualTo(5);
    assertThat(h.counter(Measure.EVENT_TYPE, "pageview", DAY, T)).isEqualTo(4);
    assertThat(h.counter(Measure.EVENT_TYPE, "custom\u001fsignup", DAY, T)).isEqualTo(1);
  }

  @Test
  void uniqueVisitorsAreCountedOncePerBucket() {
    h.pageview("v1", "https://shop.example/a", T);
    h.pageview("v1", "https://shop.example/b", T.plusSeconds(90));
    h.pageview("v2", "https://shop.example/a", T.plusSeconds(100));
    h.pageview("v3", "https://shop.example/a", T.plus(Duration.ofHours(2)));
    h.flush();
    assertThat(h.visitors(Measure.VISITORS, "", MINUTE, T)).isEqualTo(1);
    assertThat(h.visitors(Measure.VISITORS, "", HOUR, T)).isEqualTo(2);
    assertThat(h.visitors(Measure.VISITORS, "", DAY, T)).isEqualTo(3);
    assertThat(h.visitors(Measure.PAGE_VISITORS, "/a", DAY, T)).isEqualTo(3);
    assertThat(h.visitors(Measure.PAGE_VISITORS, "/b", DAY, T)).isEqualTo(1);
  }

  @Test
  void aDuplicateEventIdCountsOnce() {
    Event pageview = h.event(EventType.PAGEVIEW, "v1", T).url("https://shop.example/a").build();
    h.send(pageview);
    h.send(pageview);
    h.send(pageview.toBuilder().ts(T.plusSeconds(5).toEpochMilli()).build()); // a retried delivery
    h.flush();
    assertThat(h.counter(Measure.PAGEVIEWS, DAY, T)).isEqualTo(1);
    assertThat(h.counter(Measure.EVENTS, DAY, T)).isEqualTo(1);
    assertThat(h.counter(Measure.BOUNCES, DAY, T)).isEqualTo(1);
  }

  @Test
  void botsAreCountedApartAndExcludedFromEverythingElse() {
    Event crawl =
        h.event(EventType.PAGEVIEW, "crawler", T)
            .url("https://shop.example/a")
            .userAgent(TopologyHarness.GOOGLEBOT_UA)
            .build();
    h.send(crawl);
    h.send(crawl); // delivered twice: a bot's duplicate counts once too
    h.pageview("v1", "https://shop.example/a", T);
    h.flush();
    assertThat(h.counter(Measure.BOT_EVENTS, DAY, T)).isEqualTo(1);
    assertThat(h.visitors(Measure.BOT_VISITORS, "", DAY, T)).isEqualTo(1);
    assertThat(h.counter(Measure.PAGEVIEWS, DAY, T)).isEqualTo(1);
    assertThat(h.counter(Measure.SESSIONS, DAY, T)).isEqualTo(1);
    assertThat(h.visitors(Measure.VISITORS, "", DAY, T)).isEqualTo(1);
  }

  @Test
  void theEntryReferrerIsTheNormalisedHostOfTheFirstPageviewsReferrer() {
    h.send(pageviewFrom("v1", "https://shop.example/", "https://www.Google.com/search?q=lamp", T));
    h.send(pageviewFrom("v1", "https://shop.example/b", "https://news.example/", T.plusSeconds(5)));
    h.send(pageviewFrom("v2", "https://shop.example/", "https://shop.example/other", T));
    h.send(pageviewFrom("v3", "https://shop.example/", null, T));
    h.flush();
    assertThat(h.counter(Measure.DIMENSION_SESSIONS, "referrer\u001fgoogle.com", DAY, T))
        .isEqualTo(1);
    assertThat(h.counter(Measure.DIMENSION_SESSIONS, "referrer\u001fnews.example", DAY, T))
        .isZero();
    assertThat(h.counter(Measure.DIMENSION_SESSIONS, "referrer\u001f(direct)", DAY, T))
        .isEqualTo(2);
    assertThat(h.visitors(Measure.DIMENSION_VISITORS, "referrer\u001f(direct)", DAY, T))
        .isEqualTo(2);
  }

  @Test
  void theCampaignComesFromTheFirstPageviewsUtmParameters() {
    h.pageview("v1", "https://shop.example/?utm_source=news&utm_medium=email&utm_campaign=bf", T);
    h.pageview("v1", "https://shop.example/b?utm_source=other", T.plusSeconds(5));
    h.pageview("v2", "https://shop.example/?utm_source=ads", T);
    h.pageview("v3", "https://shop.example/", T);
    h.flush();
    assertThat(h.counter(Measure.DIMENSION_SESSIONS, "campaign\u001fnews/email/bf", DAY, T))
        .isEqualTo(1);
    assertThat(h.counter(Measure.DIMENSION_SESSIONS, "campaign\u001fads//", DAY, T)).isEqualTo(1);
    assertThat(h.counter(Measure.DIMENSION_SESSIONS, "campaign\u001fother//", DAY, T)).isZero();
  }

  @Test
  void browserOsAndDeviceComeFromTheUserAgent() {
    h.pageview("v1", "https://shop.example/", T);
    h.flush();
    assertThat(h.counter(Measure.DIMENSION_SESSIONS, "browser\u001fChrome", DAY, T)).isEqualTo(1);
    assertThat(h.counter(Measure.DIMENSION_SESSIONS, "os\u001fWindows", DAY, T)).isEqualTo(1);
    assertThat(h.counter(Measure.DIMENSION_SESSIONS, "device\u001fdesktop", DAY, T)).isEqualTo(1);
  }

  @Test
  void clicksAndHoverDwellCountForThePageTheyHappenedOn() {
    h.pageview("v1", "https://shop.example/a", T);
    h.click("v1", "#buy", T.plusSeconds(1));
    h.click("v1", "#buy", T.plusSeconds(2));
    h.send(h.event(EventType.HOVER, "v1", T.plusSeconds(3)).target("#buy").elapsedMs(400L).build());
    h.send(h.event(EventType.HOVER, "v1", T.plusSeconds(4)).target("#buy").elapsedMs(600L).build());
    h.pageview("v1", "https://shop.example/b", T.plusSeconds(5));
    h.click("v1", "#buy", T.plusSeconds(6));
    h.flush();
    String onA = RedisKeys.field("/a", "#buy");
    assertThat(h.counter(Measure.CLICKS, onA, DAY, T)).isEqualTo(2);
    assertThat(h.counter(Measure.HOVER_MS, onA, DAY, T)).isEqualTo(1_000);
    assertThat(h.counter(Measure.HOVER_COUNT, onA, DAY, T)).isEqualTo(2);
    assertThat(h.counter(Measure.CLICKS, RedisKeys.field("/b", "#buy"), DAY, T)).isEqualTo(1);
  }

  @Test
  void anEventWhoseClockWasSkewedCountsAtItsReceiveTime() {
    // The collector replaced the client's ts with received_at and flagged it.
    Instant received = T.plus(Duration.ofMinutes(5));
    h.send(
        h.event(EventType.PAGEVIEW, "v1", received)
            .url("https://shop.example/")
            .clientTs(T.minus(Duration.ofDays(3)).toEpochMilli())
            .clockSkew(true)
            .build());
    h.flush();
    assertThat(h.counter(Measure.PAGEVIEWS, MINUTE, received)).isEqualTo(1);
  }

  private Event pageviewFrom(String visitor, String url, String referrer, Instant at) {
    return h.event(EventType.PAGEVIEW, visitor, at).url(url).referrer(referrer).build();
  }
}
