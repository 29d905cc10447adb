package io.clickstream.topology.aggregate;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clickstream.model.Event;

/**
 * An event stage 1 accepted (not a bot, not a duplicate, not late), for the processors of the same
 * task that keep events: the activity feed and the per-visitor journeys. {@code sessionStart} and
 * {@code sessionEnd} bound the session it now belongs to (after any merge); both are -1 for the
 * lifecycle events, which belong to no session. {@code json} is the event serialised once for both
 * of them (it never leaves the task, so the record has no serde).
 */
public record AcceptedEvent(
    Event event,
    byte[] json,
    @JsonProperty("session_start") long sessionStart,
    @JsonProperty("session_end") long sessionEnd)
    implements StageRecord {
  public static final long NO_SESSION = -1;

  public boolean inSession() {
    return sessionStart != NO_SESSION;
  }
}
