package io.clickstream.collector.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clickstream.collector.access.AuthorizedApp;
import io.clickstream.collector.ingest.BatchIntake;
import io.clickstream.collector.ingest.EventPublisher;
import io.clickstream.collector.ingest.ServerStamps;
import io.clickstream.collector.websocket.SessionTickets;
import io.clickstream.collector.websocket.SessionTickets.IssuedTicket;
import io.clickstream.model.Event;
import io.clickstream.model.EventReader;
import io.clickstream.model.EventValidator;
import io.clickstream.model.Json;
import io.clickstream.model.Violation;
import io.clickstream.platform.http.ApiException;
import io.clickstream.platform.http.JsonEndpoint;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /v1/hello {token, visitor_id?, url, referrer, screen:{w,h}, language, tz}}: starts a
 * session. The server makes the session id (and the visitor id when the tracker has none yet),
 * stores a {@code session_start} event carrying the page, referrer, screen, language and time zone,
 * and answers with a short-lived ticket for {@code GET /v1/ws} once Kafka acknowledged it.
 */
public final class HelloEndpoint implements JsonEndpoint {
  private static final int MAX_SCREEN_PIXELS = 100_000;

  private final IngestGate gate;
  private final EventPublisher publisher;
  private final SessionTickets tickets;
  private final WebSocketUrls webSocketUrls;

  public HelloEndpoint(
      IngestGate gate,
      EventPublisher publisher,
      SessionTickets tickets,
      WebSocketUrls webSocketUrls) {
    this.gate = gate;
    this.publisher = publisher;
    this.tickets = tickets;
    this.webSocketUrls = webSocketUrls;
  }

  /** The answer to hello. */
  public record Hello(
      @JsonProperty("visitor_id") String visitorId,
      @JsonProperty("session_id") String sessionId,
      String ticket,
      @JsonProperty("ws_url") String wsUrl,
      @JsonProperty("expires_in") long expiresIn) {}

  @Override
  public CompletionStage<Hello> handle(HttpServerExchange exchange) throws Exception {
    JsonNode hello =
        gate.readObject(
            exchange, "{token, visitor_id?, url, referrer, screen:{w,h}, language, tz}");
    AuthorizedApp app = gate.authorize(exchange, hello);
    String visitorId = Ids.optional(hello, "visitor_id");
    if (visitorId == null) {
      visitorId = UUID.randomUUID().toString();
    }
    ObjectNode sessionStart = sessionStart(hello);
    gate.admit(app, 1);

    String sessionId = UUID.randomUUID().toString();
    ServerStamps stamps = gate.stamps(exchange, app.appId(), visitorId, sessionId);
    Event event = BatchIntake.stamp(EventReader.read(sessionStart), stamps);
    IssuedTicket ticket = tickets.issue(app.appId(), app.tokenId(), visitorId, sessionId);
    String wsUrl = webSocketUrls.forTicket(exchange, ticket.ticket());
    String visitor = visitorId;
    return publisher
        .publish(event)
        .handle(
            (ignored, error) -> {
              if (error != null) {
                throw ApiException.unavailable(
                    "The session could not be started right now; retry.", 5);
              }
              return new Hello(
                  visitor, sessionId, ticket.ticket(), wsUrl, ticket.expiresIn().toSeconds());
            });
  }

  /** The session_start event the hello describes, checked by the rules of every event. */
  private static ObjectNode sessionStart(JsonNode hello) {
    JsonNode url = hello.get("url");
    if (url == null || url.isNull()) {
      throw ApiException.badRequest("'url' is required: the page the session starts on.");
    }
    ObjectNode event = Json.MAPPER.createObjectNode();
    event.put("type", "session_start");
    event.set("url", url);
    copyIfPresent(hello, "referrer", event);
    ObjectNode props = event.putObject("props");
    JsonNode screen = hello.get("screen");
    if (screen != null && !screen.isNull()) {
      props.put("screen_w", screenSide(screen, "w"));
      props.put("screen_h", screenSide(screen, "h"));
    }
    copyIfPresent(hello, "language", props);
    copyIfPresent(hello, "tz", props);
    List<Violation> violations = EventValidator.validate(event);
    if (!violations.isEmpty()) {
      throw ApiException.badRequest(Violation.describe(violations));
    }
    return event;
  }

  private static int screenSide(JsonNode screen, String side) {
    JsonNode value = screen.path(side);
    if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > MAX_SCREEN_PIXELS) {
      throw ApiException.badRequest(
          "'screen' must be {w, h} with whole numbers of pixels from 0 to "
              + MAX_SCREEN_PIXELS
              + ".");
    }
    return value.intValue();
  }

  private static void copyIfPresent(JsonNode from, String field, ObjectNode to) {
    JsonNode value = from.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    if (!value.isTextual()) {
      throw ApiException.badRequest("'" + field + "' must be a string.");
    }
    to.set(field, value);
  }
}
