package io.clickstream.topology.visitor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The answer of the journey endpoint (DESIGN §5): a visitor's sessions, newest first, each with its
 * events in time order.
 */
public record VisitorJourney(@JsonProperty("visitor_id") String visitorId, List<Session> sessions) {

  /** One session: its first and last event time and its kept events (the stored event JSON). */
  public record Session(long start, long end, List<JsonNode> events) {}

  /** Reads a visitor's journey from the stores of the partition that owns {@code app:visitor}. */
  public static VisitorJourney read(
      String appId,
      String visitorId,
      ReadOnlyKeyValueStore<String, JourneySession> sessionStore,
      ReadOnlyKeyValueStore<String, byte[]> eventStore) {
    String visitor = appId + ":" + visitorId;
    List<JourneySession> stored = new ArrayList<>();
    try (KeyValueIterator<String, JourneySession> it =
        sessionStore.prefixScan(JourneyKeys.visitorPrefix(visitor), new StringSerializer())) {
      it.forEachRemaining(entry -> stored.add(entry.value));
    }
    stored.sort(Comparator.comparingLong(JourneySession::start).reversed());
    List<Session> sessions = new ArrayList<>();
    for (JourneySession session : stored) {
      List<JsonNode> events = new ArrayList<>();
      try (KeyValueIterator<String, byte[]> it =
          eventStore.range(
              JourneyKeys.firstEvent(visitor, session.start()),
              JourneyKeys.lastEvent(visitor, session.end()))) {
        while (it.hasNext()) {
          KeyValue<String, byte[]> event = it.next();
          events.add(Json.readTree(event.value));
        }
      }
      sessions.add(new Session(session.start(), session.end(), events));
    }
    return new VisitorJourney(visitorId, sessions);
  }
}
