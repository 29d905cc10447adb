package io.clickstream.collector.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.collector.access.AuthorizedApp;
import io.clickstream.collector.ingest.BatchIntake;
import io.clickstream.collector.ingest.CollectorMetrics.Channel;
import io.clickstream.model.Limits;
import io.clickstream.platform.http.ApiException;
import io.clickstream.platform.http.JsonEndpoint;
import io.clickstream.platform.http.Response;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /v1/events}: a batch {@code {token, visitor_id, session_id?, events:[…]}} as JSON or
 * {@code text/plain} (sendBeacon). Each event is validated on its own; the answer (202 {@code
 * {accepted, rejected:[{index, reason}]}}) waits for Kafka's acknowledgement of all of them.
 */
public final class EventsEndpoint implements JsonEndpoint {
  private final IngestGate gate;
  private final BatchIntake intake;

  public EventsEndpoint(IngestGate gate, BatchIntake intake) {
    this.gate = gate;
    this.intake = intake;
  }

  @Override
  public CompletionStage<Response> handle(HttpServerExchange exchange) throws Exception {
    JsonNode batch = gate.readObject(exchange, "{token, visitor_id, events}");
    AuthorizedApp app = gate.authorize(exchange, batch);
    String visitorId = Ids.required(batch, "visitor_id");
    String sessionId = Ids.optional(batch, "session_id");
    JsonNode events = batch.path("events");
    if (!events.isArray()) {
      throw ApiException.badRequest("'events' must be an array of events.");
    }
    if (events.size() > Limits.MAX_BATCH_EVENTS) {
      throw ApiException.tooLarge(
          "A batch holds at most "
              + Limits.MAX_BATCH_EVENTS
              + " events; got "
              + events.size()
              + ".");
    }
    gate.admit(app, events.size());
    return intake
        .ingest(events, gate.stamps(exchange, app.appId(), visitorId, sessionId), Channel.HTTP)
        .handle(
            (result, error) -> {
              if (error != null) {
                throw ApiException.unavailable(
                    "Events could not be stored right now; retry the whole batch.", 5);
              }
              return Response.accepted(result);
            });
  }
}
