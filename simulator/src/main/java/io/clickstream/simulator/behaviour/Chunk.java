package io.clickstream.simulator.behaviour;

import java.util.List;

/**
 * What is sent in one go: the events of one page of one session (an HTTP batch, a WebSocket frame,
 * a run of Kafka records), in time order.
 *
 * @param sessionId the client's session id, sent with HTTP batches
 * @param opensSession the first chunk of its session (a WebSocket transport says hello first)
 * @param closesSession the last chunk of its session (a WebSocket transport says goodbye after it)
 * @param landingUrl the URL the session started on, for the WebSocket hello
 * @param referrer the session's referrer, for the WebSocket hello; may be null
 * @param duplicate a second delivery of the chunk before it, as after a lost answer
 */
public record Chunk(
    VisitorProfile visitor,
    String sessionId,
    boolean opensSession,
    boolean closesSession,
    String landingUrl,
    String referrer,
    List<OutgoingEvent> events,
    boolean duplicate) {

  public Chunk {
    events = List.copyOf(events);
  }

  /** How many of the events the collector must reject. */
  public int malformed() {
    return (int) events.stream().filter(OutgoingEvent::malformed).count();
  }

  /** The chunk's first {@code count} events only: a run that ends within a page. */
  public Chunk firstEvents(int count) {
    return new Chunk(
        visitor,
        sessionId,
        opensSession,
        closesSession,
        landingUrl,
        referrer,
        events.subList(0, count),
        duplicate);
  }

  Chunk asDuplicate(boolean closes) {
    return new Chunk(visitor, sessionId, false, closes, landingUrl, referrer, events, true);
  }

  Chunk closing(boolean closes) {
    return new Chunk(
        visitor, sessionId, opensSession, closes, landingUrl, referrer, events, duplicate);
  }
}
