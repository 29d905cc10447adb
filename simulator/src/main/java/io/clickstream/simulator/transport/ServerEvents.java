package io.clickstream.simulator.transport;

import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.simulator.behaviour.VisitorProfile;
import java.util.UUID;

/** The lifecycle events a collector stores for a WebSocket session, as the truth sees them. */
final class ServerEvents {
  private ServerEvents() {}

  static Event of(EventType type, VisitorProfile visitor, String sessionId) {
    long now = System.currentTimeMillis();
    return Event.builder()
        .id(UUID.randomUUID().toString())
        .type(type)
        .ts(now)
        .appId(visitor.appId())
        .visitorId(visitor.id())
        .sessionId(sessionId)
        .receivedAt(now)
        .userAgent(visitor.userAgent())
        .build();
  }
}
