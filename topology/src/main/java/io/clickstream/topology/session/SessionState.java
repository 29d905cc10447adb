package io.clickstream.topology.session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One session as the session store keeps it: enough to derive every session figure of DESIGN §4
 * again after it grows or merges. Immutable; {@link #add} and {@link #merge} return new states.
 *
 * @param pageviews the session's pageviews in time order, at most {@link #MAX_PAGEVIEWS}
 * @param pageviewCount all pageviews, including any beyond the list's cap
 * @param interactions clicks, custom and product events: any of them makes the session no bounce
 * @param entryTs time of the pageview that decided {@code referrer} and {@code campaign}
 * @param clientTs time of the event that decided browser, OS and device (the session's first)
 */
public record SessionState(
    @JsonProperty("app_id") String appId,
    @JsonProperty("visitor_id") String visitorId,
    long start,
    long end,
    int events,
    int interactions,
    @JsonProperty("pageview_count") int pageviewCount,
    List<PageviewAt> pageviews,
    String referrer,
    String campaign,
    @JsonProperty("entry_ts") long entryTs,
    String browser,
    String os,
    String device,
    @JsonProperty("client_ts") long clientTs) {

  /** Keeps a runaway session (a bot we missed, a kiosk) from growing its state without bound. */
  public static final int MAX_PAGEVIEWS = 1_000;

  static final String DIRECT = "(direct)";

  public static SessionState of(Event event, EventFacts facts) {
    SessionState empty =
        new SessionState(
            event.appId(),
            event.visitorId(),
            event.ts(),
            event.ts(),
            0,
            0,
            0,
            List.of(),
            DIRECT,
            null,
            Long.MAX_VALUE,
            facts.browser(),
            facts.os(),
            facts.device(),
            event.ts());
    return empty.add(event, facts);
  }

  /** This session with one more event. */
  public SessionState add(Event event, EventFacts facts) {
    long ts = event.ts();
    List<PageviewAt> views = pageviews;
    int viewCount = pageviewCount;
    String entryReferrer = referrer;
    String entryCampaign = campaign;
    long entry = entryTs;
    if (event.type() == EventType.PAGEVIEW) {
      viewCount++;
      views = insert(pageviews, new PageviewAt(ts, facts.path()));
      if (ts < entryTs) {
        entry = ts;
        entryReferrer = facts.referrer();
        entryCampaign = facts.campaign();
      }
    }
    boolean earliest = ts < clientTs;
    return new SessionState(
        appId,
        visitorId,
        Math.min(start, ts),
        Math.max(end, ts),
        events + 1,
        interactions + (isInteraction(event.type()) ? 1 : 0),
        viewCount,
        views,
        entryReferrer,
        entryCampaign,
        entry,
        earliest ? facts.browser() : browser,
        earliest ? facts.os() : os,
        earliest ? facts.device() : device,
        Math.min(clientTs, ts));
  }

  /** One session out of this and another one that a new event bridged. */
  public SessionState merge(SessionState other) {
    List<PageviewAt> views = new ArrayList<>(pageviews);
    views.addAll(other.pageviews);
    views.sort(Comparator.comparingLong(PageviewAt::ts));
    if (views.size() > MAX_PAGEVIEWS) {
      views = views.subList(0, MAX_PAGEVIEWS);
    }
    SessionState entrySource = entryTs <= other.entryTs ? this : other;
    SessionState clientSource = clientTs <= other.clientTs ? this : other;
    return new SessionState(
        appId,
        visitorId,
        Math.min(start, other.start),
        Math.max(end, other.end),
        events + other.events,
        interactions + other.interactions,
        pageviewCount + other.pageviewCount,
        List.copyOf(views),
        entrySource.referrer,
        entrySource.campaign,
        entrySource.entryTs,
        clientSource.browser,
        clientSource.os,
        clientSource.device,
        clientSource.clientTs);
  }

  /** Exactly one pageview and no click, custom or product event (DESIGN §4). */
  @JsonIgnore
  public boolean isBounce() {
    return pageviewCount == 1 && interactions == 0;
  }

  @JsonIgnore
  public long durationMs() {
    return end - start;
  }

  /** The path of the latest pageview at or before {@code ts}, or null. */
  public String pathAt(long ts) {
    String path = null;
    for (PageviewAt view : pageviews) {
      if (view.ts() > ts) {
        break;
      }
      path = view.path();
    }
    return path;
  }

  public String sessionId() {
    return visitorId + "-" + start;
  }

  static boolean isInteraction(EventType type) {
    return switch (type) {
      case CLICK, CUSTOM, PRODUCT_VIEW, ADD_TO_CART, PURCHASE -> true;
      default -> false;
    };
  }

  private static List<PageviewAt> insert(List<PageviewAt> views, PageviewAt view) {
    if (views.size() >= MAX_PAGEVIEWS && view.ts() >= views.get(views.size() - 1).ts()) {
      return views;
    }
    List<PageviewAt> copy = new ArrayList<>(views.size() + 1);
    int at = views.size();
    while (at > 0 && views.get(at - 1).ts() > view.ts()) {
      at--;
    }
    copy.addAll(views.subList(0, at));
    copy.add(view);
    copy.addAll(views.subList(at, views.size()));
    if (copy.size() > MAX_PAGEVIEWS) {
      copy.remove(copy.size() - 1);
    }
    return List.copyOf(copy);
  }
}
