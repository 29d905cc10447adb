package io.clickstream.collector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.collector.ingest.BatchResult.Rejection;
import io.clickstream.collector.ingest.CollectorMetrics.Channel;
import io.clickstream.model.Event;
import io.clickstream.model.EventReader;
import io.clickstream.model.EventStamper;
import io.clickstream.model.EventType;
import io.clickstream.model.EventValidator;
import io.clickstream.model.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The one path every event takes into Kafka, whether it came in an HTTP batch or a WebSocket frame:
 * each event is validated on its own; accepted ones are stamped and go to {@code
 * clickstream.events}, rejected ones with their reason to the dead-letter topic; the result is
 * ready once Kafka acknowledged all of them.
 */
public final class BatchIntake {
  /** On a WebSocket the server opens and ends the session; a client's own would double them. */
  private static final Set<EventType> SERVER_OWNED_ON_WEBSOCKETS =
      Set.of(EventType.SESSION_START, EventType.SESSION_END);

  private final EventPublisher publisher;
  private final CollectorMetrics metrics;

  public BatchIntake(EventPublisher publisher, CollectorMetrics metrics) {
    this.publisher = publisher;
    this.metrics = metrics;
  }

  /**
   * @param events a JSON array of raw events, already checked to hold at most {@link
   *     io.clickstream.model.Limits#MAX_BATCH_EVENTS}
   * @return completes with the result once Kafka acknowledged every record, or exceptionally when
   *     it did not (then nothing may be reported as accepted)
   */
  public CompletableFuture<BatchResult> ingest(
      JsonNode events, ServerStamps stamps, Channel channel) {
    List<Event> accepted = new ArrayList<>(events.size());
    List<DeadLetter> deadLetters = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    for (int index = 0; index < events.size(); index++) {
      JsonNode raw = events.get(index);
      List<Violation> violations = violations(raw, channel);
      if (violations.isEmpty()) {
        accepted.add(stamp(EventReader.read(raw), stamps));
      } else {
        String reason = Violation.describe(violations);
        rejected.add(new Rejection(index, reason));
        deadLetters.add(
            new DeadLetter(
                stamps.appId(), stamps.visitorId(), index, reason, raw, stamps.receivedAt()));
        metrics.rejected(channel, violations.get(0).field());
      }
    }
    return publisher
        .publish(accepted, deadLetters)
        .thenApply(
            ignored -> {
              metrics.accepted(channel, accepted.size());
              return new BatchResult(accepted.size(), List.copyOf(rejected));
            });
  }

  /** Stamps an event the server made itself (session_start, session_end). */
  public static Event stamp(Event event, ServerStamps stamps) {
    return EventStamper.stamp(
        event,
        stamps.appId(),
        stamps.visitorId(),
        stamps.sessionId(),
        stamps.receivedAt(),
        stamps.userAgent(),
        stamps.ipHash());
  }

  private static List<Violation> violations(JsonNode raw, Channel channel) {
    List<Violation> violations = EventValidator.validate(raw);
    if (violations.isEmpty() && channel == Channel.WEBSOCKET) {
      EventType type = EventType.fromWire(raw.path("type").textValue()).orElseThrow();
      if (SERVER_OWNED_ON_WEBSOCKETS.contains(type)) {
        return List.of(
            new Violation(
                "type", type.wireName() + " is sent by the server on a websocket session"));
      }
    }
    return violations;
  }
}
