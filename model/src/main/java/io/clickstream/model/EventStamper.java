package io.clickstream.model;

import java.util.UUID;

/** Adds the collector's stamps to a client event and decides its event time. */
public final class EventStamper {
  private EventStamper() {}

  /**
   * Returns a copy of the client event with the server stamps applied. Event time is the client's
   * ts when it lies within [receivedAt − 24 h, receivedAt + 10 min], both ends included; otherwise
   * the client's clock is not trusted, the event time becomes receivedAt, {@code clock_skew} is set
   * and the original ts is kept as {@code client_ts}. A missing ts means receivedAt and is no skew;
   * a missing id gets a random UUID so that dedupe still has a key.
   */
  public static Event stamp(
      Event clientEvent,
      String appId,
      String visitorId,
      String sessionId,
      long receivedAt,
      String userAgent,
      String ipHash) {
    long clientTs = clientEvent.ts();
    boolean sent = clientTs != Event.TS_NOT_SENT;
    boolean skewed = sent && !withinClockTolerance(clientTs, receivedAt);
    return clientEvent.toBuilder()
        .id(clientEvent.id() != null ? clientEvent.id() : UUID.randomUUID().toString())
        .ts(sent && !skewed ? clientTs : receivedAt)
        .clientTs(skewed ? clientTs : null)
        .clockSkew(skewed)
        .appId(appId)
        .visitorId(visitorId)
        .sessionId(sessionId)
        .receivedAt(receivedAt)
        .userAgent(userAgent)
        .ipHash(ipHash)
        .build();
  }

  static boolean withinClockTolerance(long clientTs, long receivedAt) {
    return clientTs >= receivedAt - Limits.MAX_CLIENT_CLOCK_LAG_MS
        && clientTs <= receivedAt + Limits.MAX_CLIENT_CLOCK_LEAD_MS;
  }
}
