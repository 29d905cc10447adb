package io.clickstream.topology.session;

import io.clickstream.platform.time.Interval;
import io.clickstream.topology.aggregate.Dimension;
import io.clickstream.topology.aggregate.Measure;
import io.clickstream.topology.journey.JourneyContribution;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one session adds to the counters, per minute cell: one session, its bounce and duration at
 * its start, its dimension keys, and the time on page of each of its pageviews at that pageview's
 * minute. A session's change is then the new contribution minus the old one (DESIGN §4 retraction).
 */
public final class Contribution {
  private final Map<CounterKey, Long> amounts = new HashMap<>();

  /** A counter cell of one minute, without the app (a session belongs to one app). */
  public record CounterKey(Measure measure, String detail, long minute) {}

  private Contribution() {}

  public static Contribution of(SessionState session) {
    Contribution c = new Contribution();
    long minute = Interval.MINUTE.bucketStart(session.start());
    c.add(Measure.SESSIONS, "", minute, 1);
    c.add(Measure.BOUNCES, "", minute, session.isBounce() ? 1 : 0);
    c.add(Measure.DURATION_MS, "", minute, session.durationMs());
    for (Map.Entry<Dimension, String> key : dimensionKeys(session).entrySet()) {
      c.add(Measure.DIMENSION_SESSIONS, key.getKey().detail(key.getValue()), minute, 1);
    }
    List<PageviewAt> views = session.pageviews();
    for (int i = 0; i < views.size(); i++) {
      PageviewAt view = views.get(i);
      long until = i + 1 < views.size() ? views.get(i + 1).ts() : session.end();
      // The last pageview counts only when a later event shows the visitor stayed.
      if (i + 1 < views.size() || until > view.ts()) {
        long viewMinute = Interval.MINUTE.bucketStart(view.ts());
        c.add(Measure.PAGE_TIME_MS, view.path(), viewMinute, until - view.ts());
        c.add(Measure.PAGE_TIME_COUNT, view.path(), viewMinute, 1);
      }
    }
    JourneyContribution.of(
        views.stream().map(PageviewAt::path).toList(),
        (measure, detail) -> c.add(measure, detail, minute, 1));
    return c;
  }

  public static Contribution none() {
    return new Contribution();
  }

  /** The session's key per dimension (campaign only when it has one). */
  public static Map<Dimension, String> dimensionKeys(SessionState session) {
    Map<Dimension, String> keys = new HashMap<>();
    keys.put(Dimension.REFERRER, session.referrer());
    keys.put(Dimension.BROWSER, session.browser());
    keys.put(Dimension.OS, session.os());
    keys.put(Dimension.DEVICE, session.device());
    if (session.campaign() != null) {
      keys.put(Dimension.CAMPAIGN, session.campaign());
    }
    return keys;
  }

  /** {@code this − other}, without the cells where both agree. */
  public Map<CounterKey, Long> minus(Contribution other) {
    Map<CounterKey, Long> delta = new HashMap<>(amounts);
    other.amounts.forEach((key, amount) -> delta.merge(key, -amount, Long::sum));
    delta.values().removeIf(amount -> amount == 0);
    return delta;
  }

  /** Adds another session's contribution (for the sessions a merge replaces). */
  public Contribution plus(Contribution other) {
    Contribution sum = new Contribution();
    sum.amounts.putAll(amounts);
    other.amounts.forEach((key, amount) -> sum.amounts.merge(key, amount, Long::sum));
    return sum;
  }

  private void add(Measure measure, String detail, long minute, long amount) {
    amounts.merge(new CounterKey(measure, detail, minute), amount, Long::sum);
  }
}
