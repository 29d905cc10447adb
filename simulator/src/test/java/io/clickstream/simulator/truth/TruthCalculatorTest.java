package io.clickstream.simulator.truth;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.model.Product;
import io.clickstream.model.config.FunnelDefinition.FunnelStep;
import io.clickstream.model.config.FunnelDefinition.StepMatch;
import io.clickstream.simulator.truth.AppTruth.BotFigures;
import io.clickstream.simulator.truth.AppTruth.EventCount;
import io.clickstream.simulator.truth.AppTruth.FunnelDay;
import io.clickstream.simulator.truth.AppTruth.Journeys.TopPath;
import io.clickstream.simulator.truth.AppTruth.Journeys.Transition;
import io.clickstream.simulator.truth.AppTruth.KeyFigures;
import io.clickstream.simulator.truth.AppTruth.Overview;
import io.clickstream.simulator.truth.AppTruth.PageFigures;
import io.clickstream.simulator.truth.AppTruth.ProductFigures;
import io.clickstream.simulator.truth.AppTruth.TargetFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TruthCalculatorTest {
  private static final String APP = "shop";
  private static final String BROWSER = "Firefox";
  private static final String BOT = "Googlebot";
  private static final long T0 = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();
  private static final long SECOND = 1_000;
  private static final long MINUTE = 60_000;

  private final TruthCalculator truth = calculator(null);

  @Test
  void aSinglePageviewIsABounceWithoutTimeOnPage() {
    truth.add(pageview("v1", "https://shop.example/", T0));

    AppTruth result = truth.compute().get(APP);
    assertThat(result.overview()).isEqualTo(new Overview(1, 1, 1, 1, 1.0, 0.0, 1.0, 1, 0));
    assertThat(result.pages()).containsExactly(new PageFigures("/", 1, 1, null, 0, 0));
  }

  @Test
  void aHoverExtendsTheSessionAndTimesTheLastPageButDoesNotEndTheBounce() {
    truth.add(pageview("v1", "https://shop.example/", T0));
    truth.add(event("v1", EventType.HOVER, T0 + 5 * SECOND).target("nav").elapsedMs(800L).build());

    AppTruth result = truth.compute().get(APP);
    assertThat(result.overview()).isEqualTo(new Overview(1, 1, 1, 2, 1.0, 5000.0, 1.0, 1, 5000));
    assertThat(result.pages()).containsExactly(new PageFigures("/", 1, 1, 5000.0, 5000, 1));
  }

  @Test
  void timeOnPageRunsToTheNextPageviewAndTheLastPageToTheSessionsLastEvent() {
    truth.add(pageview("v1", "https://shop.example/", T0));
    truth.add(pageview("v1", "https://shop.example/products/", T0 + 10 * SECOND));
    truth.add(event("v1", EventType.CLICK, T0 + 25 * SECOND).target("#buy").build());
    truth.add(pageview("v2", "https://shop.example/products?page=2", T0));
    truth.add(event("v2", EventType.CLICK, T0 + 4 * SECOND).target("#buy").build());

    AppTruth result = truth.compute().get(APP);
    // v1: 2 pageviews, duration 25 s; v2: one pageview and a click, not a bounce, 4 s.
    assertThat(result.overview()).isEqualTo(new Overview(2, 2, 3, 5, 0.0, 14500.0, 1.5, 0, 29000));
    assertThat(result.pages())
        .containsExactly(
            new PageFigures("/products", 2, 2, 9500.0, 19000, 2),
            new PageFigures("/", 1, 1, 10000.0, 10000, 1));
  }

  @Test
  void aGapOfMoreThanThirtyMinutesStartsANewSessionAndExactlyThirtyDoesNot() {
    truth.add(pageview("v1", "https://shop.example/", T0));
    truth.add(pageview("v1", "https://shop.example/blog", T0 + 30 * MINUTE));
    truth.add(pageview("v1", "https://shop.example/", T0 + 60 * MINUTE + 1));

    Overview overview = truth.compute().get(APP).overview();
    assertThat(overview.sessions()).isEqualTo(2);
    assertThat(overview.bounces()).isEqualTo(1); // the second session has one pageview
    assertThat(overview.durationMs()).isEqualTo(30 * MINUTE);
  }

  @Test
  void eventsArriveOutOfOrderAndStillMakeOneSession() {
    truth.add(pageview("v1", "https://shop.example/b", T0 + 20 * MINUTE));
    truth.add(pageview("v1", "https://shop.example/a", T0));
    truth.add(pageview("v1", "https://shop.example/c", T0 + 40 * MINUTE));

    AppTruth result = truth.compute().get(APP);
    assertThat(result.overview().sessions()).isEqualTo(1);
    assertThat(result.pages())
        .extracting(PageFigures::path, PageFigures::timeOnPageMs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/a", 20 * MINUTE),
            org.assertj.core.groups.Tuple.tuple("/b", 20 * MINUTE),
            org.assertj.core.groups.Tuple.tuple("/c", 0L));
  }

  @Test
  void aDuplicateDeliveryCountsOnce() {
    Event view = pageview("v1", "https://shop.example/", T0);
    truth.add(view);
    truth.add(view);

    assertThat(truth.compute().get(APP).overview())
        .isEqualTo(new Overview(1, 1, 1, 1, 1.0, 0.0, 1.0, 1, 0));
  }

  @Test
  void botsAreCountedApartOnlyAndTheirDuplicatesOnce() {
    Event crawl =
        pageview("crawler", "https://shop.example/", T0).toBuilder().userAgent(BOT).build();
    truth.add(crawl);
    truth.add(crawl);
    truth.add(
        pageview("crawler", "https://shop.example/blog", T0 + 1).toBuilder()
            .userAgent(BOT)
            .build());
    truth.add(pageview("v1", "https://shop.example/", T0));

    AppTruth result = truth.compute().get(APP);
    assertThat(result.bots()).isEqualTo(new BotFigures(2, 1));
    assertThat(result.overview().visitors()).isEqualTo(1);
    assertThat(result.overview().pageviews()).isEqualTo(1);
    assertThat(result.pages()).extracting(PageFigures::path).containsExactly("/");
  }

  @Test
  void lifecycleEventsCountAsEventsAndVisitorsButNeitherOpenNorExtendSessions() {
    truth.add(event("v1", EventType.SESSION_START, T0).url("https://shop.example/").build());
    truth.add(pageview("v1", "https://shop.example/", T0 + SECOND));
    truth.add(event("v1", EventType.SESSION_END, T0 + 50 * MINUTE).reason("goodbye").build());
    truth.add(event("v2", EventType.SESSION_START, T0).url("https://shop.example/").build());

    AppTruth result = truth.compute().get(APP);
    assertThat(result.overview()).isEqualTo(new Overview(2, 1, 1, 4, 1.0, 0.0, 1.0, 1, 0));
    assertThat(result.events())
        .containsExactly(
            new EventCount("pageview", null, 1),
            new EventCount("session_end", null, 1),
            new EventCount("session_start", null, 2));
  }

  @Test
  void customEventsAreCountedByNameAndEndABounce() {
    truth.add(pageview("v1", "https://shop.example/blog", T0));
    truth.add(event("v1", EventType.CUSTOM, T0 + SECOND).name("video_play").build());
    truth.add(event("v1", EventType.CUSTOM, T0 + 2 * SECOND).name("video_play").build());
    truth.add(event("v1", EventType.IDENTIFY, T0 + 3 * SECOND).userId("crm-1").build());

    AppTruth result = truth.compute().get(APP);
    assertThat(result.overview().bounces()).isZero();
    assertThat(result.events())
        .containsExactly(
            new EventCount("custom", "video_play", 2),
            new EventCount("identify", null, 1),
            new EventCount("pageview", null, 1));
  }

  @Test
  void productsSumViewsAddsPurchasesAndRevenueWithQuantityDefaultingToOne() {
    truth.add(product("v1", EventType.PRODUCT_VIEW, T0, "sku-1", 19.99, null));
    truth.add(product("v1", EventType.ADD_TO_CART, T0 + 1, "sku-1", 19.99, 2));
    truth.add(product("v1", EventType.PURCHASE, T0 + 2, "sku-1", 19.99, 2));
    truth.add(product("v2", EventType.PURCHASE, T0, "sku-1", 19.99, null));
    truth.add(product("v2", EventType.PURCHASE, T0 + 1, "sku-2", 0.1, 3));

    assertThat(truth.compute().get(APP).products())
        .containsExactly(
            new ProductFigures("sku-1", 1, 1, 2, 59.97, 59_970_000),
            new ProductFigures("sku-2", 0, 0, 1, 0.3, 300_000));
  }

  @Test
  void funnelAttemptsCountPerStepInOrderWithinTheWindowByTheDayTheyStarted() {
    TruthCalculator withFunnel =
        calculator(
            new FunnelSpec(
                List.of(
                    new FunnelStep(
                        "pageview", new StepMatch("/products/*", null, null, null), "Product"),
                    new FunnelStep("pageview", new StepMatch("/cart", null, null, null), "Cart"),
                    new FunnelStep("purchase", null, "Purchase")),
                30 * MINUTE));
    long lateEvening = Instant.parse("2026-11-20T23:50:00Z").toEpochMilli();
    // v1: all three steps; a second product page while the attempt is open starts nothing.
    withFunnel.add(pageview("v1", "https://shop.example/products/lamp", T0));
    withFunnel.add(pageview("v1", "https://shop.example/products/rug", T0 + MINUTE));
    withFunnel.add(pageview("v1", "https://shop.example/cart", T0 + 2 * MINUTE));
    withFunnel.add(product("v1", EventType.PURCHASE, T0 + 3 * MINUTE, "sku-1", 5.0, 1));
    // v2: the cart before any product counts for nothing; the purchase after the window neither.
    withFunnel.add(pageview("v2", "https://shop.example/cart", T0));
    withFunnel.add(pageview("v2", "https://shop.example/products/lamp", T0 + MINUTE));
    withFunnel.add(pageview("v2", "https://shop.example/cart", T0 + 2 * MINUTE));
    withFunnel.add(product("v2", EventType.PURCHASE, T0 + 32 * MINUTE, "sku-1", 5.0, 1));
    // v3: an attempt late in the evening converts after midnight: it counts for its start day;
    // after the window a product page starts a new attempt on the next day.
    withFunnel.add(pageview("v3", "https://shop.example/products/lamp", lateEvening));
    withFunnel.add(pageview("v3", "https://shop.example/cart", lateEvening + 20 * MINUTE));
    withFunnel.add(pageview("v3", "https://shop.example/products/lamp", lateEvening + 31 * MINUTE));

    AppTruth.FunnelFigures funnel = withFunnel.compute().get(APP).funnel();
    assertThat(funnel.steps()).containsExactly("Product", "Cart", "Purchase");
    assertThat(funnel.days())
        .containsExactly(
            new FunnelDay("2026-11-20", List.of(3L, 3L, 1L)),
            new FunnelDay("2026-11-21", List.of(1L, 0L, 0L)));
    assertThat(funnel.counts()).containsExactly(4L, 3L, 1L);
  }

  @Test
  void eventsOlderThanTheNewestMinusGapAndGraceAreLateRisks() {
    truth.add(pageview("v1", "https://shop.example/", T0 + 90 * MINUTE));
    truth.add(pageview("v2", "https://shop.example/", T0)); // exactly gap + grace older: in time
    truth.add(pageview("v3", "https://shop.example/", T0 - 1));

    assertThat(truth.lateRisks()).isEqualTo(1);
  }

  @Test
  void sessionsAreBrokenDownByTheirFirstPageviewsReferrerAndCampaignAndTheirClient() {
    // v1: two sessions, from Google (www. dropped) with a campaign, then from the site itself.
    truth.add(
        pageview("v1", "https://shop.example/?utm_source=news&utm_campaign=bf%20sale", T0)
            .toBuilder()
            .referrer("https://www.Google.com/search?q=lamp")
            .build());
    truth.add(
        pageview("v1", "https://shop.example/cart", T0 + MINUTE).toBuilder()
            .referrer("https://t.co/x")
            .build());
    truth.add(
        pageview("v1", "https://shop.example/blog", T0 + 40 * MINUTE).toBuilder()
            .referrer("https://www.shop.example/")
            .build());
    // v2: an app referrer; v3: no pageview at all, so no referrer: (direct), no campaign.
    truth.add(
        pageview("v2", "https://shop.example/", T0).toBuilder()
            .referrer("android-app://com.google.android.gm/")
            .build());
    truth.add(event("v3", EventType.CUSTOM, T0).name("ping").build());

    Map<String, List<KeyFigures>> breakdowns = truth.compute().get(APP).breakdowns();
    assertThat(breakdowns.get("referrers"))
        .containsExactly(
            new KeyFigures("(direct)", 2, 2),
            new KeyFigures("com.google.android.gm", 1, 1),
            new KeyFigures("google.com", 1, 1));
    assertThat(breakdowns.get("campaigns")).containsExactly(new KeyFigures("news//bf sale", 1, 1));
    assertThat(breakdowns.get("browsers")).containsExactly(new KeyFigures("Firefox", 4, 3));
    assertThat(breakdowns.get("os")).containsExactly(new KeyFigures("Linux", 4, 3));
    assertThat(breakdowns.get("devices")).containsExactly(new KeyFigures("desktop", 4, 3));
  }

  @Test
  void clicksAndHoversCountForTheirOwnPageOrTheLatestPageviewBeforeThem() {
    truth.add(event("v1", EventType.HOVER, T0).target("nav").elapsedMs(300L).build());
    truth.add(pageview("v1", "https://shop.example/products/", T0 + SECOND));
    truth.add(event("v1", EventType.CLICK, T0 + 2 * SECOND).target("a.card").build());
    truth.add(event("v1", EventType.HOVER, T0 + 3 * SECOND).target("nav").elapsedMs(800L).build());
    truth.add(event("v1", EventType.HOVER, T0 + 4 * SECOND).target("nav").elapsedMs(900L).build());
    truth.add(
        event("v1", EventType.CLICK, T0 + 5 * SECOND)
            .target("a.card")
            .url("https://shop.example/blog?x=1")
            .build());
    truth.add(pageview("v1", "https://shop.example/cart", T0 + 6 * SECOND));
    truth.add(event("v1", EventType.CLICK, T0 + 7 * SECOND).target("a.card").build());

    assertThat(truth.compute().get(APP).clicks())
        .containsExactly(
            new TargetFigures("(unknown)", "nav", 0, 1, 300, 300.0),
            new TargetFigures("/blog", "a.card", 1, 0, 0, null),
            new TargetFigures("/cart", "a.card", 1, 0, 0, null),
            new TargetFigures("/products", "a.card", 1, 0, 0, null),
            new TargetFigures("/products", "nav", 0, 2, 1700, 850.0));
  }

  @Test
  void journeysCountTransitionsFromEntryToExitAndTheFirstThreePages() {
    // v1: / → /products → /products (a reload) → /cart; v2: / → /products; v3: a bounce on /.
    long t = T0;
    for (String path : List.of("/", "/products", "/products?page=2", "/cart")) {
      truth.add(pageview("v1", "https://shop.example" + path, t += SECOND));
    }
    truth.add(pageview("v2", "https://shop.example/", T0));
    truth.add(pageview("v2", "https://shop.example/products/", T0 + SECOND));
    truth.add(pageview("v3", "https://shop.example/", T0));
    truth.add(event("v4", EventType.CUSTOM, T0).name("no pageviews, no journey").build());

    AppTruth.Journeys journeys = truth.compute().get(APP).journeys();
    assertThat(journeys.transitions())
        .containsExactly(
            new Transition("(entry)", "/", 3),
            new Transition("/", "/products", 2),
            new Transition("/", "(exit)", 1),
            new Transition("/cart", "(exit)", 1),
            new Transition("/products", "(exit)", 1),
            new Transition("/products", "/cart", 1),
            new Transition("/products", "/products", 1));
    assertThat(journeys.topPaths())
        .containsExactly(
            new TopPath(List.of("/"), 1),
            new TopPath(List.of("/", "/products"), 1),
            new TopPath(List.of("/", "/products", "/products"), 1));
  }

  @Test
  void appsAreCountedApart() {
    truth.add(pageview("v1", "https://shop.example/", T0));
    truth.add(pageview("v1", "https://blog.example/", T0).toBuilder().appId("blog").build());

    assertThat(truth.compute()).containsOnlyKeys("blog", APP);
    assertThat(truth.compute().get("blog").overview().pageviews()).isEqualTo(1);
  }

  private static TruthCalculator calculator(FunnelSpec funnel) {
    return new TruthCalculator(
        agent -> agent.equals(BOT) ? Client.BOT : new Client("Firefox", "Linux", "desktop", false),
        Duration.ofMinutes(30),
        funnel);
  }

  private static Event pageview(String visitor, String url, long ts) {
    return event(visitor, EventType.PAGEVIEW, ts).url(url).build();
  }

  private static Event product(
      String visitor, EventType type, long ts, String id, double price, Integer quantity) {
    return event(visitor, type, ts)
        .product(new Product(id, "Item " + id, price, "EUR", quantity))
        .build();
  }

  private static Event.Builder event(String visitor, EventType type, long ts) {
    return Event.builder()
        .id(UUID.randomUUID().toString())
        .type(type)
        .ts(ts)
        .appId(APP)
        .visitorId(visitor)
        .receivedAt(ts)
        .userAgent(BROWSER);
  }
}
