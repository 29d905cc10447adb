package io.clickstream.topology.visitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;
import io.clickstream.model.JsonException;
import io.clickstream.platform.http.ApiException;
import io.clickstream.platform.http.JsonEndpoint;
import io.clickstream.platform.http.PathParams;
import io.clickstream.platform.http.Response;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /internal/v1/apps/{appId}/visitors/{visitorId}/journey} (CONTRACT: per-visitor
 * journeys). The instance that owns the visitor's key answers from its stores; any other instance
 * forwards the request to the owner (Kafka Streams' metadata) and relays its answer. Whenever the
 * answer could be incomplete — Kafka Streams not RUNNING (rebalancing, restoring), owner unknown,
 * the store moved while being read, the owner unreachable — it is a 503 with {@code Retry-After:
 * 1}, never an empty journey.
 */
public final class JourneyEndpoint implements JsonEndpoint {
  public static final String PATH = "/internal/v1/apps/{appId}/visitors/{visitorId}/journey";

  /** Names the instance that read the journey from its stores ({@code host:port}). */
  public static final String SERVED_BY_HEADER = "X-Clickstream-Served-By";

  /** Marks a forwarded request, so that two instances with different views never bounce it. */
  static final String FORWARDED_HEADER = "X-Clickstream-Forwarded";

  private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);
  private static final StringSerializer KEYS = new StringSerializer();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile KafkaStreams streams;
  private volatile HostInfo self;

  /** Connects the endpoint to the Kafka Streams instance advertised as {@code self}. */
  public void attach(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
  }

  @Override
  public Object handle(HttpServerExchange exchange) {
    String appId = PathParams.text(exchange, "appId");
    String visitorId = PathParams.text(exchange, "visitorId");
    KafkaStreams kafkaStreams = streams;
    if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
      throw notQueryable("Journeys are not queryable while this instance is not running.");
    }
    KeyQueryMetadata owner;
    try {
      owner =
          kafkaStreams.queryMetadataForKey(
              VisitorJourneyProcessor.SESSIONS_STORE, appId + ":" + visitorId, KEYS);
    } catch (InvalidStateStoreException e) {
      throw notQueryable("The journey store is not queryable yet.");
    }
    if (owner == null
        || owner.activeHost() == null
        || owner.activeHost().equals(HostInfo.unavailable())) {
      throw notQueryable("The owner of this visitor's journey is not known yet.");
    }
    if (owner.activeHost().equals(self)) {
      VisitorJourney journey = local(kafkaStreams, owner.partition(), appId, visitorId);
      return new Response(200, journey, Map.of(SERVED_BY_HEADER, self.host() + ":" + self.port()));
    }
    if (exchange.getRequestHeaders().contains(FORWARDED_HEADER)) {
      throw notQueryable("This instance no longer owns this visitor's journey.");
    }
    return forward(owner.activeHost(), appId, visitorId);
  }

  private static VisitorJourney local(
      KafkaStreams streams, int partition, String appId, String visitorId) {
    try {
      ReadOnlyKeyValueStore<String, JourneySession> sessions =
          streams.store(
              StoreQueryParameters.fromNameAndType(
                      VisitorJourneyProcessor.SESSIONS_STORE,
                      QueryableStoreTypes.<String, JourneySession>keyValueStore())
                  .withPartition(partition));
      ReadOnlyKeyValueStore<String, byte[]> events =
          streams.store(
              StoreQueryParameters.fromNameAndType(
                      VisitorJourneyProcessor.EVENTS_STORE,
                      QueryableStoreTypes.<String, byte[]>keyValueStore())
                  .withPartition(partition));
      VisitorJourney journey = VisitorJourney.read(appId, visitorId, sessions, events);
      if (streams.state() != KafkaStreams.State.RUNNING) {
        throw notQueryable("A rebalance started while the journey was read.");
      }
      return journey;
    } catch (InvalidStateStoreException e) {
      throw notQueryable("The journey store is not queryable right now.");
    }
  }

  private Object forward(HostInfo owner, String appId, String visitorId) {
    URI uri =
        URI.create(
            "http://"
                + owner.host()
                + ":"
                + owner.port()
                + "/internal/v1/apps/"
                + segment(appId)
                + "/visitors/"
                + segment(visitorId)
                + "/journey");
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(FORWARD_TIMEOUT)
            .header(FORWARDED_HEADER, "1")
            .GET()
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw notQueryable("The owner of this visitor's journey is unreachable.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw notQueryable("Interrupted while asking the owner.");
    }
    JsonNode body;
    try {
      body = Json.readTree(response.body());
    } catch (JsonException e) {
      throw notQueryable("The owner of this visitor's journey answered no JSON.");
    }
    Map<String, String> headers = new HashMap<>();
    for (String relayed : List.of("Retry-After", SERVED_BY_HEADER)) {
      response.headers().firstValue(relayed).ifPresent(value -> headers.put(relayed, value));
    }
    return new Response(response.statusCode(), body, headers);
  }

  private static ApiException notQueryable(String message) {
    return ApiException.unavailable(message, 1);
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
