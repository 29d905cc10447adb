package io.clickstream.query.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /visitors/{visitorId}/journey}: after the access check, asks a topology instance, which
 * answers from its own store or forwards to the instance that owns the visitor (interactive-query
 * metadata). A 200 or a 503 (with its {@code Retry-After}) is passed through; an instance that
 * cannot be reached is skipped for the next one, and when none answers the reply is a 503.
 */
public final class VisitorJourneyEndpoint implements JsonEndpoint {
  private static final Logger log = LoggerFactory.getLogger(VisitorJourneyEndpoint.class);
  private static final int MAX_VISITOR_ID_LENGTH = 256;
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final QueryContext context;
  private final List<URI> topologies;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicInteger next = new AtomicInteger();

  public VisitorJourneyEndpoint(QueryContext context, List<URI> topologies) {
    this.context = context;
    this.topologies = List.copyOf(topologies);
  }

  @Override
  public Response handle(HttpServerExchange exchange) throws InterruptedException {
    String app = context.guard().requireReadable(exchange);
    String visitor = PathParams.text(exchange, "visitorId");
    if (visitor.length() > MAX_VISITOR_ID_LENGTH) {
      throw ApiException.badRequest("A visitor id has at most 256 characters.");
    }
    String path = "/internal/v1/apps/" + app + "/visitors/" + encode(visitor) + "/journey";
    int first = Math.floorMod(next.getAndIncrement(), Math.max(1, topologies.size()));
    for (int i = 0; i < topologies.size(); i++) {
      URI topology = topologies.get((first + i) % topologies.size());
      try {
        HttpResponse<byte[]> reply =
            client.send(
                HttpRequest.newBuilder(topology.resolve(path)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return relay(reply);
      } catch (IOException e) {
        log.warn("Topology {} did not answer a journey query: {}", topology, e.toString());
      }
    }
    throw ApiException.unavailable("No topology instance answered; retry.", 1);
  }

  private static Response relay(HttpResponse<byte[]> reply) {
    JsonNode body;
    try {
      body = Json.readTree(reply.body());
    } catch (RuntimeException e) {
      throw new ApiException(
          502, "bad_gateway", "The topology answered something other than JSON.");
    }
    if (reply.statusCode() == 200) {
      return Response.of(200, body);
    }
    if (reply.statusCode() == 503) {
      String retryAfter = reply.headers().firstValue("Retry-After").orElse("1");
      return new Response(503, body, Map.of("Retry-After", retryAfter));
    }
    throw new ApiException(
        502,
        "bad_gateway",
        "The topology answered the journey query with " + reply.statusCode() + ".");
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
