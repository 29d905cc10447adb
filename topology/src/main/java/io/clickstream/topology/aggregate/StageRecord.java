package io.clickstream.topology.aggregate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * What stage 1 emits: deltas for stage 2 (through the repartition topic, keyed by app), session
 * summaries for {@code clickstream.sessions}, late events for the dead-letter topic, and accepted
 * events for the processors of the same task (activity feed, visitor journeys).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = StageRecord.CounterDeltas.class, name = "counters"),
  @JsonSubTypes.Type(value = StageRecord.VisitorAdds.class, name = "visitors"),
  @JsonSubTypes.Type(value = StageRecord.LiveFigures.class, name = "live"),
  @JsonSubTypes.Type(value = StageRecord.SessionSummary.class, name = "session"),
  @JsonSubTypes.Type(value = StageRecord.LateEvent.class, name = "late"),
  @JsonSubTypes.Type(value = ServingCount.class, name = "serving_count"),
  @JsonSubTypes.Type(value = ServingSample.class, name = "serving_sample"),
  @JsonSubTypes.Type(value = AcceptedEvent.class, name = "accepted")
})
public sealed interface StageRecord
    permits StageRecord.Delta, StageRecord.SessionSummary, StageRecord.LateEvent, AcceptedEvent {

  /** For stage 2: records that change an app's aggregates. */
  sealed interface Delta extends StageRecord
      permits CounterDeltas, VisitorAdds, LiveFigures, ServingCount, ServingSample {
    String appId();
  }

  /**
   * An app's counter changes from one stage-1 flush, in one record rather than one per cell: each
   * record costs a send, a serialisation and stage 2's per-record work, whatever its size.
   */
  record CounterDeltas(@JsonProperty("app_id") String appId, List<Change> changes)
      implements Delta {

    /** Add {@code amount} (may be negative: a retraction) to a counter cell of one minute. */
    public record Change(String measure, String detail, long minute, long amount) {}
  }

  /**
   * Add visitors to a sketch cell of one minute (and so of its hour and day). Batched per flush:
   * updating a sketch costs a deserialisation and a serialisation, so it is done once per batch.
   */
  record VisitorAdds(
      @JsonProperty("app_id") String appId,
      String measure,
      String detail,
      long minute,
      @JsonProperty("visitor_ids") List<String> visitorIds)
      implements Delta {
    public Cell cell() {
      return new Cell(appId, Measure.fromCode(measure), detail);
    }
  }

  /** One stage-1 partition's share of an app's live figures (absolute, not a delta). */
  record LiveFigures(
      @JsonProperty("app_id") String appId,
      int partition,
      @JsonProperty("active_visitors") long activeVisitors,
      @JsonProperty("events_last_minute") long eventsLastMinute,
      long at)
      implements Delta {}

  /**
   * A session as it stands, for {@code clickstream.sessions}; {@code retracted} when a late event
   * merged it into another session, which replaces it.
   */
  record SessionSummary(
      @JsonProperty("app_id") String appId,
      @JsonProperty("visitor_id") String visitorId,
      @JsonProperty("session_id") String sessionId,
      long start,
      long end,
      @JsonProperty("duration_ms") long durationMs,
      int pageviews,
      int events,
      @JsonProperty("entry_page") String entryPage,
      @JsonProperty("exit_page") String exitPage,
      @JsonProperty("entry_referrer") String entryReferrer,
      String campaign,
      String browser,
      String os,
      String device,
      boolean bounce,
      boolean retracted,
      List<String> paths)
      implements StageRecord {}

  /** An event that came later than the session grace; it goes to the dead-letter topic. */
  record LateEvent(
      @JsonProperty("app_id") String appId,
      @JsonProperty("visitor_id") String visitorId,
      String reason,
      Object event,
      @JsonProperty("received_at") long receivedAt)
      implements StageRecord {}
}
