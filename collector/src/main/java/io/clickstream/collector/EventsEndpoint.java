package io.clickstream.collector;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Event;
import io.clickstream.model.EventReader;
import io.clickstream.model.EventStamper;
import io.clickstream.model.EventValidator;
import io.clickstream.model.Limits;
import io.clickstream.model.Violation;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.auth.AppTokens.AppToken;
import io.clickstream.platform.http.ApiException;
import io.clickstream.platform.http.JsonEndpoint;
import io.clickstream.platform.http.RequestBodies;
import io.clickstream.platform.http.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/events}: a batch {@code {token, visitor_id, session_id?, events:[…]}} as JSON or
 * {@code text/plain} (navigator.sendBeacon cannot set a JSON content type). Each event is validated
 * on its own; accepted ones go to {@code clickstream.events}, rejected ones with their reason to
 * the dead-letter topic, and the answer (202) waits for Kafka's acknowledgement of all of them.
 */
final class EventsEndpoint implements JsonEndpoint {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final AppTokens tokens;
  private final EventPublisher publisher;
  private final IpAnonymizer ipAnonymizer;
  private final Clock clock;
  private final CollectorMetrics metrics;

  EventsEndpoint(
      AppTokens tokens,
      EventPublisher publisher,
      IpAnonymizer ipAnonymizer,
      Clock clock,
      MeterRegistry registry) {
    this.tokens = tokens;
    this.publisher = publisher;
    this.ipAnonymizer = ipAnonymizer;
    this.clock = clock;
    this.metrics = new CollectorMetrics(registry);
  }

  @Override
  public CompletionStage<Response> handle(HttpServerExchange exchange) throws Exception {
    RequestBodies.requireContentType(exchange, "application/json", "text/plain");
    JsonNode batch = RequestBodies.readJson(exchange, Limits.MAX_BATCH_BYTES);
    if (!batch.isObject()) {
      throw ApiException.badRequest("The body must be a JSON object {token, visitor_id, events}.");
    }
    AppToken token = authenticate(batch.path("token"));
    String visitorId = requiredId(batch, "visitor_id");
    String sessionId = optionalId(batch, "session_id");
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

    long receivedAt = clock.millis();
    String userAgent = exchange.getRequestHeaders().getFirst(Headers.USER_AGENT);
    String ipHash = ipAnonymizer.hash(exchange.getSourceAddress().getAddress().getHostAddress());
    List<Event> accepted = new ArrayList<>();
    List<DeadLetter> deadLetters = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    for (int index = 0; index < events.size(); index++) {
      JsonNode raw = events.get(index);
      List<Violation> violations = EventValidator.validate(raw);
      if (violations.isEmpty()) {
        accepted.add(
            EventStamper.stamp(
                EventReader.read(raw),
                token.appId(),
                visitorId,
                sessionId,
                receivedAt,
                userAgent,
                ipHash));
      } else {
        String reason = Violation.describe(violations);
        rejected.add(new Rejection(index, reason));
        deadLetters.add(new DeadLetter(token.appId(), visitorId, index, reason, raw, receivedAt));
        metrics.rejected(violations.get(0).field());
      }
    }
    return publisher
        .publish(accepted, deadLetters)
        .handle(
            (ignored, error) -> {
              if (error != null) {
                metrics.publishFailed();
                throw ApiException.unavailable(
                    "Events could not be stored right now; retry the whole batch.", 5);
              }
              metrics.accepted(accepted.size());
              return Response.accepted(new BatchResult(accepted.size(), rejected));
            });
  }

  /** The answer to a batch: how many events Kafka stored, and why the others were refused. */
  record BatchResult(int accepted, List<Rejection> rejected) {}

  record Rejection(int index, String reason) {}

  private AppToken authenticate(JsonNode token) {
    if (!token.isTextual()) {
      throw ApiException.unauthorized("An app token is required in 'token'.");
    }
    try {
      return tokens.verify(token.asText());
    } catch (AppTokens.InvalidTokenException e) {
      throw ApiException.unauthorized("The app token is not valid: " + e.getMessage() + ".");
    }
  }

  private static String requiredId(JsonNode batch, String field) {
    String id = optionalId(batch, field);
    if (id == null) {
      throw ApiException.badRequest("'" + field + "' is required.");
    }
    return id;
  }

  private static String optionalId(JsonNode batch, String field) {
    JsonNode value = batch.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || !ID.matcher(value.asText()).matches()) {
      throw ApiException.badRequest(
          "'" + field + "' must be 1 to 128 letters, digits or . _ : - characters.");
    }
    return value.asText();
  }
}
