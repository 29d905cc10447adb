package io.clickstream.simulator.behaviour;

import io.clickstream.model.Event;
import java.util.Map;

/**
 * One event as the simulator sends it: its wire form (DESIGN §2) and, when it is well-formed, the
 * client event the collector will read from it. A malformed event has no {@code event}: the
 * collector must reject it.
 */
public record OutgoingEvent(Map<String, Object> wire, Event event) {
  public boolean malformed() {
    return event == null;
  }
}
