package io.clickstream.topology.retention;

import io.clickstream.model.Event;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.topology.BoundedLruMap;
import io.clickstream.topology.aggregate.ServingCount;
import io.clickstream.topology.aggregate.StageRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Weekly retention in stage 1 (DESIGN §4, "on" semantics), per visitor: the cohort is the UTC ISO
 * week of the visitor's first event in the app; the visitor counts once for week n of the cohort
 * when they have any event in cohort week + n. Only the first event of a visitor in a week sends
 * anything. An event from a week before the cohort (a late one, at a week's edge) moves the
 * visitor: every count of the old cohort is retracted and the visitor's weeks are counted again
 * from the new one. Weeks up to {@link #MAX_WEEKS} after the cohort are tracked.
 */
public final class RetentionTracker {
  public static final String WEEKS_STORE = "retention-weeks-store";
  public static final int MAX_WEEKS = 52;
  private static final int RECENT_VISITORS = 10_000;

  private final ProcessorContext<String, StageRecord> context;
  private final KeyValueStore<String, ActiveWeeks> visitors;

  /**
   * The week each recently seen visitor was last seen active in, so that their further events of
   * that week skip the store. Per processor instance, which a task re-creates after any failure, so
   * it never outlives the store state it mirrors.
   */
  private final Map<String, Long> lastWeek = new BoundedLruMap<>(RECENT_VISITORS);

  public RetentionTracker(ProcessorContext<String, StageRecord> context) {
    this.context = context;
    this.visitors = context.getStateStore(WEEKS_STORE);
  }

  public void track(String visitorKey, Event event) {
    long week = RetentionWeeks.weekStart(event.ts());
    Long cached = lastWeek.get(visitorKey);
    if (cached != null && cached == week) {
      return;
    }
    lastWeek.put(visitorKey, week);
    ActiveWeeks known = visitors.get(visitorKey);
    List<Long> weeks = known == null ? List.of() : known.weeks();
    if (weeks.contains(week)) {
      return;
    }
    String app = event.appId();
    if (!weeks.isEmpty() && week < weeks.get(0)) {
      count(app, weeks, -1, event.ts());
      List<Long> moved = new ArrayList<>();
      moved.add(week);
      for (Long later : weeks) {
        if (offset(week, later) <= MAX_WEEKS) {
          moved.add(later);
        }
      }
      visitors.put(visitorKey, new ActiveWeeks(moved));
      count(app, moved, 1, event.ts());
      return;
    }
    if (!weeks.isEmpty() && offset(weeks.get(0), week) > MAX_WEEKS) {
      return;
    }
    List<Long> added = new ArrayList<>(weeks);
    added.add(week);
    added.sort(null);
    visitors.put(visitorKey, new ActiveWeeks(added));
    count(app, added.get(0), week, 1, event.ts());
  }

  private void count(String app, List<Long> weeks, int amount, long ts) {
    for (Long week : weeks) {
      count(app, weeks.get(0), week, amount, ts);
    }
  }

  private void count(String app, long cohort, long week, int amount, long ts) {
    String field =
        RedisKeys.field(RetentionWeeks.label(cohort), Long.toString(offset(cohort, week)));
    context.forward(
        new Record<String, StageRecord>(
            app, new ServingCount(app, RedisKeys.retention(app), field, cohort, amount), ts));
  }

  private static long offset(long cohort, long week) {
    return Math.round((double) (week - cohort) / RetentionWeeks.WEEK_MS);
  }
}
