package io.clickstream.simulator.truth;

import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.model.Product;
import io.clickstream.model.config.FunnelDefinition.FunnelStep;
import io.clickstream.simulator.truth.AppTruth.BotFigures;
import io.clickstream.simulator.truth.AppTruth.EventCount;
import io.clickstream.simulator.truth.AppTruth.FunnelDay;
import io.clickstream.simulator.truth.AppTruth.FunnelFigures;
import io.clickstream.simulator.truth.AppTruth.Journeys;
import io.clickstream.simulator.truth.AppTruth.Journeys.TopPath;
import io.clickstream.simulator.truth.AppTruth.Journeys.Transition;
import io.clickstream.simulator.truth.AppTruth.KeyFigures;
import io.clickstream.simulator.truth.AppTruth.Overview;
import io.clickstream.simulator.truth.AppTruth.PageFigures;
import io.clickstream.simulator.truth.AppTruth.ProductFigures;
import io.clickstream.simulator.truth.AppTruth.TargetFigures;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes what the pipeline must report from the events the collector accepted, fed in the order
 * they were accepted, by the topology's rules (docs/topology.md): duplicates by app and event id
 * count once; bots (by User-Agent) count only apart; {@code session_start} and {@code session_end}
 * count as events and visitors but are no activity; a session is a visitor's activity with gaps of
 * at most the session gap; a bounce is a session with one pageview and no click, custom or product
 * event; time on page runs to the next pageview, or for the last one to the session's last event
 * when that is later.
 *
 * <p>Events older than the newest one seen minus (gap + 1 h grace) may be dropped as late by the
 * topology, depending on partitioning; they are counted in {@link #lateRisks()} and make the truth
 * uncertain. The traffic model keeps them from happening.
 */
public final class TruthCalculator {
  /** docs/topology.md: the topology's grace after the session gap. */
  public static final Duration LATENESS_GRACE = Duration.ofHours(1);

  private static final Set<EventType> LIFECYCLE =
      Set.of(EventType.SESSION_START, EventType.SESSION_END);
  private static final Set<EventType> INTERACTIONS =
      Set.of(
          EventType.CLICK,
          EventType.CUSTOM,
          EventType.PRODUCT_VIEW,
          EventType.ADD_TO_CART,
          EventType.PURCHASE);

  static final String ENTRY = "(entry)";
  static final String EXIT = "(exit)";

  private static final Comparator<Transition> BY_COUNT_THEN_NAME_OF_TRANSITION =
      Comparator.comparingLong(Transition::count)
          .reversed()
          .thenComparing(Transition::from)
          .thenComparing(Transition::to);

  /** docs/topology.md: where a click or hover on no known page counts. */
  static final String UNKNOWN_PATH = "(unknown)";

  private final Function<String, Client> clients;
  private final long gapMs;
  private final FunnelSpec funnel;
  private final Map<String, AppEvents> apps = new TreeMap<>();
  private long newestTs = Long.MIN_VALUE;
  private long lateRisks;

  /**
   * @param clients what the pipeline derives from each User-Agent the run sends
   * @param funnel the funnel to count attempts of, or null
   */
  public TruthCalculator(Function<String, Client> clients, Duration sessionGap, FunnelSpec funnel) {
    this.clients = clients;
    this.gapMs = sessionGap.toMillis();
    this.funnel = funnel;
  }

  /** An event as the collector stored it (stamped), in the order it was accepted. */
  public synchronized void add(Event event) {
    AppEvents app = apps.computeIfAbsent(event.appId(), id -> new AppEvents());
    newestTs = Math.max(newestTs, event.ts());
    if (!app.ids.add(event.id())) {
      return;
    }
    if (event.userAgent() == null || clients.apply(event.userAgent()).bot()) {
      app.botEvents++;
      app.botVisitors.add(event.visitorId());
      return;
    }
    if (event.ts() < newestTs - gapMs - LATENESS_GRACE.toMillis()) {
      lateRisks++;
    }
    app.events.add(event);
  }

  /** Events that the topology may have taken for late. */
  public synchronized long lateRisks() {
    return lateRisks;
  }

  /** The truth of every app that got an event, by app id. */
  public synchronized Map<String, AppTruth> compute() {
    Map<String, AppTruth> truths = new TreeMap<>();
    apps.forEach((appId, events) -> truths.put(appId, compute(appId, events)));
    return truths;
  }

  private AppTruth compute(String appId, AppEvents app) {
    Figures figures = new Figures(clients);
    Map<String, List<Event>> activity = new LinkedHashMap<>();
    for (Event event : app.events) {
      figures.count(event);
      if (!LIFECYCLE.contains(event.type())) {
        activity.computeIfAbsent(event.visitorId(), v -> new ArrayList<>()).add(event);
      }
    }
    FunnelCounter funnelCounter = funnel == null ? null : new FunnelCounter(funnel);
    for (List<Event> events : activity.values()) {
      // Stable: events of one time keep the order they came in, as the session store does.
      events.sort(Comparator.comparingLong(Event::ts));
      for (List<Event> session : sessions(events)) {
        figures.session(session);
      }
      if (funnelCounter != null) {
        funnelCounter.visitor(events);
      }
    }
    return new AppTruth(
        appId,
        figures.overview(),
        figures.pages(),
        figures.eventCounts(),
        figures.dimensions(),
        figures.targets(),
        figures.journeys(),
        funnelCounter == null ? null : funnelCounter.figures(),
        figures.products(),
        new BotFigures(app.botEvents, app.botVisitors.size()));
  }

  /** Splits a visitor's time-ordered activity where the gap exceeds the session gap. */
  private List<List<Event>> sessions(List<Event> events) {
    List<List<Event>> sessions = new ArrayList<>();
    List<Event> current = new ArrayList<>();
    for (Event event : events) {
      if (!current.isEmpty() && event.ts() - current.get(current.size() - 1).ts() > gapMs) {
        sessions.add(current);
        current = new ArrayList<>();
      }
      current.add(event);
    }
    if (!current.isEmpty()) {
      sessions.add(current);
    }
    return sessions;
  }

  /** What one app's accepted events add up to. */
  private static final class AppEvents {
    final Set<String> ids = new HashSet<>();
    final List<Event> events = new ArrayList<>();
    final Set<String> botVisitors = new HashSet<>();
    long botEvents;
  }

  /** The sums, filled event by event and session by session. */
  private static final class Figures {
    final Function<String, Client> clients;
    final Set<String> visitors = new HashSet<>();
    final Map<String, Map<String, Breakdown>> dimensions = new TreeMap<>();
    final Map<List<String>, Long> transitions = new HashMap<>();
    final Map<List<String>, Long> topPaths = new HashMap<>();
    final Map<List<String>, Target> targets =
        new TreeMap<>(
            Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
    final Map<String, Long> eventCounts = new TreeMap<>();
    final Map<String, Page> pages = new TreeMap<>();
    final Map<String, ProductSums> products = new TreeMap<>();
    long events;
    long pageviews;
    long sessions;
    long bounces;
    long durationMs;

    Figures(Function<String, Client> clients) {
      this.clients = clients;
    }

    void count(Event event) {
      events++;
      visitors.add(event.visitorId());
      String type = event.type().wireName();
      eventCounts.merge(
          event.type() == EventType.CUSTOM ? type + "\u001f" + event.name() : type, 1L, Long::sum);
      if (event.type() == EventType.PAGEVIEW) {
        pageviews++;
        Page page = pages.computeIfAbsent(UrlPaths.of(event.url()), p -> new Page());
        page.pageviews++;
        page.visitors.add(event.visitorId());
      }
      Product product = event.product();
      if (product != null) {
        ProductSums sums = products.computeIfAbsent(product.id(), id -> new ProductSums());
        switch (event.type()) {
          case PRODUCT_VIEW -> sums.views++;
          case ADD_TO_CART -> sums.addToCart++;
          case PURCHASE -> {
            sums.purchases++;
            double price = product.price() == null ? 0 : product.price();
            sums.revenueMicros += Math.round(price * product.quantityOrOne() * 1_000_000);
          }
          default -> {}
        }
      }
    }

    void session(List<Event> session) {
      long start = session.get(0).ts();
      long end = session.get(session.size() - 1).ts();
      List<Event> views = session.stream().filter(e -> e.type() == EventType.PAGEVIEW).toList();
      boolean interacted = session.stream().anyMatch(e -> INTERACTIONS.contains(e.type()));
      sessions++;
      durationMs += end - start;
      if (views.size() == 1 && !interacted) {
        bounces++;
      }
      breakdowns(session, views.isEmpty() ? null : views.get(0));
      targets(session);
      journey(views);
      for (int i = 0; i < views.size(); i++) {
        Event view = views.get(i);
        long until = i + 1 < views.size() ? views.get(i + 1).ts() : end;
        // The last pageview counts only when a later event shows the visitor stayed.
        if (i + 1 < views.size() || until > view.ts()) {
          Page page = pages.get(UrlPaths.of(view.url()));
          page.timeMs += until - view.ts();
          page.timeCount++;
        }
      }
    }

    /**
     * DESIGN §4's journeys: transitions between consecutive pageview paths with {@code (entry)}
     * before the first and {@code (exit)} after the last (a reload of a path is a transition to
     * itself), and the session's first three paths.
     */
    private void journey(List<Event> views) {
      if (views.isEmpty()) {
        return;
      }
      List<String> paths = views.stream().map(v -> UrlPaths.of(v.url())).toList();
      String from = ENTRY;
      for (String path : paths) {
        transitions.merge(List.of(from, path), 1L, Long::sum);
        from = path;
      }
      transitions.merge(List.of(from, EXIT), 1L, Long::sum);
      topPaths.merge(paths.subList(0, Math.min(3, paths.size())), 1L, Long::sum);
    }

    Journeys journeys() {
      return new Journeys(
          transitions.entrySet().stream()
              .map(e -> new Transition(e.getKey().get(0), e.getKey().get(1), e.getValue()))
              .sorted(BY_COUNT_THEN_NAME_OF_TRANSITION)
              .toList(),
          topPaths.entrySet().stream()
              .map(e -> new TopPath(e.getKey(), e.getValue()))
              .sorted(
                  Comparator.comparingLong(TopPath::sessions)
                      .reversed()
                      .thenComparing(t -> String.join("\u001f", t.pages())))
              .toList());
    }

    /**
     * Clicks and hovers per page and target: the page of their own url, else of the session's
     * latest pageview at or before them, else {@code (unknown)}.
     */
    private void targets(List<Event> session) {
      String current = null;
      for (Event event : session) {
        if (event.type() == EventType.PAGEVIEW) {
          current = UrlPaths.of(event.url());
        } else if (event.type() == EventType.CLICK || event.type() == EventType.HOVER) {
          String path = event.url() != null ? UrlPaths.of(event.url()) : current;
          Target target =
              targets.computeIfAbsent(
                  List.of(path == null ? UNKNOWN_PATH : path, event.target()), k -> new Target());
          if (event.type() == EventType.CLICK) {
            target.clicks++;
          } else {
            target.hovers++;
            target.hoverMs += event.elapsedMs() == null ? 0 : event.elapsedMs();
          }
        }
      }
    }

    List<TargetFigures> targets() {
      return targets.entrySet().stream()
          .map(e -> e.getValue().figures(e.getKey().get(0), e.getKey().get(1)))
          .toList();
    }

    /** The session's referrer, campaign (when it has one), browser, OS and device. */
    private void breakdowns(List<Event> session, Event entry) {
      String visitor = session.get(0).visitorId();
      Client client = clients.apply(session.get(0).userAgent());
      breakdown(
          "referrers",
          entry == null ? EntrySource.DIRECT : EntrySource.referrer(entry.referrer(), entry.url()),
          visitor);
      String campaign = entry == null ? null : EntrySource.campaign(entry.url());
      if (campaign != null) {
        breakdown("campaigns", campaign, visitor);
      }
      breakdown("browsers", client.browser(), visitor);
      breakdown("os", client.os(), visitor);
      breakdown("devices", client.device(), visitor);
    }

    private void breakdown(String dimension, String key, String visitor) {
      Breakdown cell =
          dimensions
              .computeIfAbsent(dimension, d -> new TreeMap<>())
              .computeIfAbsent(key, k -> new Breakdown());
      cell.sessions++;
      cell.visitors.add(visitor);
    }

    Map<String, List<KeyFigures>> dimensions() {
      Map<String, List<KeyFigures>> figures = new TreeMap<>();
      dimensions.forEach(
          (dimension, cells) ->
              figures.put(
                  dimension,
                  cells.entrySet().stream()
                      .map(
                          e ->
                              new KeyFigures(
                                  e.getKey(), e.getValue().sessions, e.getValue().visitors.size()))
                      .toList()));
      return figures;
    }

    Overview overview() {
      return new Overview(
          visitors.size(),
          sessions,
          pageviews,
          events,
          ratio(bounces, sessions),
          ratio(durationMs, sessions),
          ratio(pageviews, sessions),
          bounces,
          durationMs);
    }

    List<PageFigures> pages() {
      return pages.entrySet().stream()
          .map(e -> e.getValue().figures(e.getKey()))
          .sorted(
              Comparator.comparingLong(PageFigures::pageviews)
                  .reversed()
                  .thenComparing(PageFigures::path))
          .toList();
    }

    List<EventCount> eventCounts() {
      return eventCounts.entrySet().stream()
          .map(
              e -> {
                String[] parts = e.getKey().split("\u001f", 2);
                return new EventCount(parts[0], parts.length > 1 ? parts[1] : null, e.getValue());
              })
          .toList();
    }

    List<ProductFigures> products() {
      return products.entrySet().stream().map(e -> e.getValue().figures(e.getKey())).toList();
    }

    private static double ratio(long part, long whole) {
      return whole == 0 ? 0 : (double) part / whole;
    }
  }

  private static final class Target {
    long clicks;
    long hovers;
    long hoverMs;

    TargetFigures figures(String path, String target) {
      Double average = hovers == 0 ? null : (double) hoverMs / hovers;
      return new TargetFigures(path, target, clicks, hovers, hoverMs, average);
    }
  }

  private static final class Breakdown {
    final Set<String> visitors = new HashSet<>();
    long sessions;
  }

  private static final class Page {
    final Set<String> visitors = new HashSet<>();
    long pageviews;
    long timeMs;
    long timeCount;

    PageFigures figures(String path) {
      Double average = timeCount == 0 ? null : (double) timeMs / timeCount;
      return new PageFigures(path, pageviews, visitors.size(), average, timeMs, timeCount);
    }
  }

  private static final class ProductSums {
    long views;
    long addToCart;
    long purchases;
    long revenueMicros;

    ProductFigures figures(String productId) {
      return new ProductFigures(
          productId, views, addToCart, purchases, revenueMicros / 1e6, revenueMicros);
    }
  }

  /**
   * DESIGN §4's ordered funnel: an attempt starts at a step-1 event when none of the visitor's is
   * open, stays open for the window (both ends included), and reaches step k when steps 1…k
   * happened in order within it; one event moves an attempt by one step at most.
   */
  private static final class FunnelCounter {
    final FunnelSpec spec;
    final Map<String, long[]> byDay = new TreeMap<>();

    FunnelCounter(FunnelSpec spec) {
      this.spec = spec;
    }

    void visitor(List<Event> events) {
      long attemptStart = 0;
      int reached = 0; // 0: no attempt open
      long[] day = null;
      for (Event event : events) {
        String path = event.url() == null ? null : UrlPaths.of(event.url());
        if (reached > 0 && event.ts() - attemptStart > spec.windowMs()) {
          reached = 0;
        }
        if (reached == 0) {
          if (spec.matches(0, event, path)) {
            attemptStart = event.ts();
            reached = 1;
            day = byDay.computeIfAbsent(utcDay(attemptStart), d -> new long[spec.steps().size()]);
            day[0]++;
          }
        } else if (reached < spec.steps().size() && spec.matches(reached, event, path)) {
          day[reached]++;
          reached++;
        }
      }
    }

    FunnelFigures figures() {
      List<FunnelDay> days = new ArrayList<>();
      long[] totals = new long[spec.steps().size()];
      byDay.forEach(
          (day, counts) -> {
            days.add(new FunnelDay(day, boxed(counts)));
            for (int i = 0; i < counts.length; i++) {
              totals[i] += counts[i];
            }
          });
      List<String> labels = new ArrayList<>();
      for (FunnelStep step : spec.steps()) {
        labels.add(step.label() != null ? step.label() : step.type());
      }
      return new FunnelFigures(labels, days, boxed(totals));
    }

    private static String utcDay(long ts) {
      return Instant.ofEpochMilli(ts).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static List<Long> boxed(long[] counts) {
      List<Long> list = new ArrayList<>();
      for (long count : counts) {
        list.add(count);
      }
      return list;
    }
  }
}
