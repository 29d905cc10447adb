package io.clickstream.simulator.behaviour;

import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.model.Product;
import io.clickstream.simulator.behaviour.Catalog.Item;
import io.clickstream.simulator.behaviour.Catalog.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * One session of one visitor: a walk through the shop's pages as a Markov chain (landing, listing,
 * product, cart, checkout, confirmation, blog), with a dwell time on each page and what people do
 * there: hovers, the click that leads to the next page, product views, add-to-carts, purchases,
 * searches and other custom events. Times are relative to the session's first event.
 */
final class SessionWalker {
  /** Walks end here at the latest, like the longest real sessions of a small shop. */
  private static final int MAX_PAGES = 20;

  private static final long MAX_ACTIVE_MS = 15 * 60_000L;
  private static final double COFFEE_BREAK_SHARE = 0.06;

  enum Page {
    LANDING(15_000),
    LISTING(25_000),
    PRODUCT(45_000),
    CART(30_000),
    CHECKOUT(60_000),
    CONFIRMATION(20_000),
    BLOG(90_000),
    EXIT(0);

    final long medianDwellMs;

    Page(long medianDwellMs) {
      this.medianDwellMs = medianDwellMs;
    }
  }

  private static final Weighted<Page> ENTRY =
      new Weighted<Page>()
          .add(45, Page.LANDING)
          .add(12, Page.LISTING)
          .add(23, Page.PRODUCT)
          .add(20, Page.BLOG);

  private static final Map<Page, Weighted<Page>> NEXT = new EnumMap<>(Page.class);

  static {
    NEXT.put(Page.LANDING, next(40, Page.LISTING, 15, Page.PRODUCT, 12, Page.BLOG, 33));
    NEXT.put(Page.LISTING, next(55, Page.PRODUCT, 8, Page.LISTING, 5, Page.LANDING, 32));
    NEXT.put(Page.PRODUCT, next(18, Page.PRODUCT, 17, Page.LISTING, 25, Page.CART, 40));
    NEXT.put(Page.CART, next(55, Page.CHECKOUT, 15, Page.LISTING, 0, null, 30));
    NEXT.put(Page.CHECKOUT, next(65, Page.CONFIRMATION, 10, Page.CART, 0, null, 25));
    NEXT.put(Page.CONFIRMATION, next(10, Page.LANDING, 0, null, 0, null, 90));
    NEXT.put(Page.BLOG, next(25, Page.BLOG, 20, Page.LANDING, 10, Page.PRODUCT, 45));
  }

  /** A walk: the events of each page, and how the session began. */
  record Walk(List<List<Event>> pages, String landingUrl, String referrer) {
    long spanMs() {
      List<Event> last = pages.get(pages.size() - 1);
      return last.get(last.size() - 1).ts();
    }
  }

  private final RandomGenerator random;
  private final List<List<Event>> pages = new ArrayList<>();
  private final List<Item> cart = new ArrayList<>();
  private List<Event> page;
  private long pageStart;
  private long lastTs = -1;

  private SessionWalker(RandomGenerator random) {
    this.random = random;
  }

  /** A person's session, from a referrer or campaign drawn from {@link Catalog#SOURCES}. */
  static Walk person(RandomGenerator random) {
    return new SessionWalker(random).walkAsPerson();
  }

  /** A crawler's or script's session: many pages quickly, nothing but pageviews. */
  static Walk bot(RandomGenerator random) {
    return new SessionWalker(random).walkAsBot();
  }

  private Walk walkAsPerson() {
    Source source = Catalog.SOURCES.pick(random);
    Page current = ENTRY.pick(random);
    Item product = randomProduct();
    String url = url(current, product) + campaignQuery(source);
    String landingUrl = url;
    String referrer = source.referrer();
    boolean coffeeBreak = random.nextDouble() < COFFEE_BREAK_SHARE;
    long at = 0;
    for (int visited = 1; ; visited++) {
      Page next = visited >= MAX_PAGES || at > MAX_ACTIVE_MS ? Page.EXIT : nextPage(current);
      Item nextProduct = next == Page.PRODUCT ? randomProduct() : product;
      long dwell = dwell(current);
      openPage(at, current, url, referrer, product);
      actOnPage(current, next, product, dwell);
      if (next == Page.EXIT) {
        break;
      }
      if (coffeeBreak && visited == 1) {
        // Away from the keyboard for a while, but back within the 30 minutes of one session.
        dwell += 8 * 60_000L + random.nextLong(17 * 60_000L);
      }
      at += dwell;
      referrer = url;
      url = url(next, nextProduct);
      current = next;
      product = nextProduct;
    }
    return new Walk(List.copyOf(pages), landingUrl, source.referrer());
  }

  private Walk walkAsBot() {
    List<String> urls = new ArrayList<>();
    urls.add(Catalog.SITE + "/");
    urls.add(Catalog.SITE + "/products");
    Catalog.PRODUCTS.forEach(item -> urls.add(Catalog.SITE + "/products/" + item.slug()));
    Catalog.BLOG_POSTS.forEach(post -> urls.add(Catalog.SITE + post));
    int count = 4 + random.nextInt(12);
    long at = 0;
    String first = null;
    for (int i = 0; i < count; i++) {
      String url = urls.get(random.nextInt(urls.size()));
      first = first == null ? url : first;
      page = new ArrayList<>();
      pages.add(page);
      pageStart = at;
      emit(pageview(url, null, "Shop"), 0);
      at += 300 + random.nextLong(2_700);
    }
    return new Walk(List.copyOf(pages), first, null);
  }

  private void openPage(long at, Page kind, String url, String referrer, Item product) {
    page = new ArrayList<>();
    pages.add(page);
    pageStart = at;
    emit(pageview(url, referrer, title(kind, product)), 0);
  }

  /** Everything on one page after its pageview; the last event is before the next pageview. */
  private void actOnPage(Page kind, Page next, Item product, long dwell) {
    List<Event> acts = new ArrayList<>();
    if (kind == Page.PRODUCT) {
      acts.add(at(300 + random.nextLong(600), productEvent(EventType.PRODUCT_VIEW, product, 1)));
    }
    int hovers = random.nextDouble() < 0.5 ? 0 : random.nextDouble() < 0.7 ? 1 : 2;
    for (int i = 0; i < hovers && dwell > 3_000; i++) {
      acts.add(at(1_000 + random.nextLong(dwell - 2_500), hover(kind)));
    }
    if (random.nextDouble() < 0.08 && dwell > 3_000) {
      acts.add(
          at(
              500 + random.nextLong(dwell - 1_000),
              event(EventType.MOUSE_MOVE).x(random.nextInt(1440)).y(random.nextInt(900)).build()));
    }
    custom(kind, dwell).ifPresent(acts::add);
    long leaving = Math.max(dwell - 200 - random.nextLong(700), 10);
    if (next == Page.CART && kind == Page.PRODUCT) {
      acts.add(at(leaving - 60, click("#add-to-cart")));
      int quantity = random.nextDouble() < 0.8 ? 1 : 2;
      acts.add(at(leaving, productEvent(EventType.ADD_TO_CART, product, quantity)));
      cart.add(product);
    } else if (next != Page.EXIT && random.nextDouble() < 0.75) {
      acts.add(at(leaving, click(linkTo(next))));
    } else if (next == Page.EXIT && random.nextDouble() < 0.3) {
      acts.add(at(leaving, hover(kind))); // a last look before closing the tab
    }
    if (kind == Page.CONFIRMATION) {
      for (int i = 0; i < cart.size(); i++) {
        acts.add(at(200 + i, purchase(cart.get(i))));
      }
      cart.clear();
    }
    acts.sort(Comparator.comparingLong(Event::ts));
    for (Event act : acts) {
      emit(act, act.ts());
    }
  }

  private Optional<Event> custom(Page kind, long dwell) {
    long when = 400 + random.nextLong(Math.max(dwell - 800, 1));
    double roll = random.nextDouble();
    Event event =
        switch (kind) {
          case LISTING ->
              roll < 0.2
                  ? event(EventType.CUSTOM)
                      .name("search")
                      .props(
                          Map.of(
                              "query",
                              Catalog.PRODUCTS.get(random.nextInt(Catalog.PRODUCTS.size())).slug(),
                              "results",
                              1 + random.nextInt(24)))
                      .build()
                  : null;
          case BLOG ->
              roll < 0.12
                  ? event(EventType.CUSTOM)
                      .name("video_play")
                      .props(Map.of("video", "tour"))
                      .build()
                  : roll < 0.16 ? event(EventType.CUSTOM).name("newsletter_signup").build() : null;
          case CHECKOUT ->
              roll < 0.35
                  ? event(EventType.IDENTIFY).userId("crm-" + (1000 + random.nextInt(9000))).build()
                  : null;
          default -> null;
        };
    return Optional.ofNullable(event).map(e -> at(when, e));
  }

  /** Adds an event {@code offset} ms after the page opened, and after every earlier event. */
  private void emit(Event event, long offset) {
    // Strictly increasing times keep every ordering question (time on page, funnels) unambiguous.
    long ts = Math.max(pageStart + offset, lastTs + 1);
    lastTs = ts;
    page.add(event.toBuilder().ts(ts).build());
  }

  private Page nextPage(Page current) {
    Page next = NEXT.get(current).pick(random);
    // Only a visitor with something in the cart goes on to check out.
    return next == Page.CHECKOUT && cart.isEmpty() ? Page.EXIT : next;
  }

  private long dwell(Page kind) {
    double factor = Math.exp(0.6 * random.nextGaussian());
    return Math.max(2_000, Math.min(6 * 60_000L, Math.round(kind.medianDwellMs * factor)));
  }

  private Item randomProduct() {
    return Catalog.PRODUCTS.get(random.nextInt(Catalog.PRODUCTS.size()));
  }

  private String url(Page kind, Item product) {
    return Catalog.SITE
        + switch (kind) {
          case LANDING -> "/";
          // Some links carry a trailing slash or a query: still the path /products.
          case LISTING ->
              random.nextDouble() < 0.1
                  ? "/products/"
                  : random.nextDouble() < 0.1 ? "/products?page=2" : "/products";
          case PRODUCT -> "/products/" + product.slug();
          case CART -> "/cart";
          case CHECKOUT -> "/checkout";
          case CONFIRMATION -> "/checkout/complete";
          case BLOG -> Catalog.BLOG_POSTS.get(random.nextInt(Catalog.BLOG_POSTS.size()));
          case EXIT -> throw new IllegalArgumentException("no page");
        };
  }

  private static String campaignQuery(Source source) {
    return source.tagged()
        ? "?utm_source="
            + source.utmSource()
            + "&utm_medium="
            + source.utmMedium()
            + "&utm_campaign="
            + source.utmCampaign()
        : "";
  }

  private static String title(Page kind, Item product) {
    return switch (kind) {
      case PRODUCT -> product.name() + " | Shop";
      case LISTING -> "All products | Shop";
      case BLOG -> "Journal | Shop";
      default -> "Shop";
    };
  }

  private static String linkTo(Page next) {
    return switch (next) {
      case LANDING -> "a.logo";
      case LISTING -> "nav a.products";
      case PRODUCT -> "a.product-card";
      case CHECKOUT -> "#checkout";
      case CONFIRMATION -> "#place-order";
      case CART -> "a.cart";
      case BLOG -> "a.post-link";
      case EXIT -> throw new IllegalArgumentException("no link");
    };
  }

  private static String hoverTarget(Page kind) {
    return switch (kind) {
      case PRODUCT -> "#gallery";
      case LISTING -> "a.product-card";
      case CART, CHECKOUT -> "#order-summary";
      default -> "nav";
    };
  }

  private Event pageview(String url, String referrer, String title) {
    return event(EventType.PAGEVIEW).url(url).referrer(referrer).title(title).build();
  }

  private Event hover(Page kind) {
    return event(EventType.HOVER)
        .target(hoverTarget(kind))
        .elapsedMs(300 + random.nextLong(3_700))
        .build();
  }

  private Event click(String target) {
    return event(EventType.CLICK)
        .target(target)
        .x(random.nextInt(1440))
        .y(random.nextInt(900))
        .build();
  }

  private Event productEvent(EventType type, Item item, int quantity) {
    return event(type)
        .product(
            new Product(
                item.id(),
                item.name(),
                item.price(),
                "EUR",
                type == EventType.ADD_TO_CART ? quantity : null))
        .build();
  }

  private Event purchase(Item item) {
    int quantity = random.nextDouble() < 0.85 ? 1 : 2;
    return event(EventType.PURCHASE)
        .product(new Product(item.id(), item.name(), item.price(), "EUR", quantity))
        .build();
  }

  private Event at(long offset, Event event) {
    return event.toBuilder().ts(offset).build();
  }

  private Event.Builder event(EventType type) {
    return Event.builder().id(new UUID(random.nextLong(), random.nextLong()).toString()).type(type);
  }

  private static Weighted<Page> next(
      double w1, Page p1, double w2, Page p2, double w3, Page p3, double exit) {
    Weighted<Page> next = new Weighted<>();
    next.add(w1, p1);
    if (p2 != null) {
      next.add(w2, p2);
    }
    if (p3 != null) {
      next.add(w3, p3);
    }
    return next.add(exit, Page.EXIT);
  }
}
