package io.clickstream.simulator.transport;

import io.clickstream.model.Event;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What became of one chunk.
 *
 * @param rejected the indexes of the chunk's events that were refused; empty when it failed
 * @param failed no definite answer, even after retries: the events may or may not be stored
 * @param error what went wrong, when it failed or the whole chunk was refused
 * @param receivedAtMs the local time the answer came, standing in for the collector's stamp
 * @param latencyNanos from the first attempt to the answer
 * @param serverEvents the events the collector made itself meanwhile (a WebSocket session's
 *     session_start and session_end), stamped as it stamps them
 */
public record Delivery(
    Set<Integer> rejected,
    boolean failed,
    String error,
    long receivedAtMs,
    long latencyNanos,
    List<Event> serverEvents) {

  public static Delivery answered(Set<Integer> rejected, long latencyNanos, List<Event> server) {
    return new Delivery(
        Set.copyOf(rejected), false, null, System.currentTimeMillis(), latencyNanos, server);
  }

  /** A definite no to the whole chunk (401, 403, 413, a frame refused): nothing was stored. */
  public static Delivery refused(int events, String error, long latencyNanos, List<Event> server) {
    Set<Integer> all = new HashSet<>();
    for (int i = 0; i < events; i++) {
      all.add(i);
    }
    return new Delivery(
        Set.copyOf(all), false, error, System.currentTimeMillis(), latencyNanos, server);
  }

  public static Delivery failed(String error, long latencyNanos, List<Event> server) {
    return new Delivery(Set.of(), true, error, System.currentTimeMillis(), latencyNanos, server);
  }

  public static Delivery nothing(List<Event> server) {
    return new Delivery(Set.of(), false, null, System.currentTimeMillis(), 0, server);
  }
}
