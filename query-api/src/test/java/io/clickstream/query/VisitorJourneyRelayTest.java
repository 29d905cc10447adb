package io.clickstream.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.clickstream.query.support.Accounts;
import io.clickstream.query.support.Http;
import io.clickstream.query.support.QueryApi;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /visitors/{visitorId}/journey} is relayed to a topology instance after the access check. A
 * small HTTP server stands in for the topology's internal endpoint (CONTRACT.md); the end-to-end
 * test with the real topology comes with issue 6.
 */
class VisitorJourneyRelayTest {
  private static final String JOURNEY =
      "{\"visitor_id\":\"v 1\",\"sessions\":[{\"start\":1000,\"end\":2000,\"events\":"
          + "[{\"type\":\"pageview\",\"url\":\"/\"}]}]}";

  private static HttpServer topology;
  private static final Map<String, Integer> asked = new ConcurrentHashMap<>();
  private static QueryApiService service;
  private static Accounts.User owner;
  private static String app;

  @BeforeAll
  static void start() throws Exception {
    topology = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    topology.createContext(
        "/internal/v1/apps/",
        exchange -> {
          String path = exchange.getRequestURI().getRawPath();
          asked.merge(path, 1, Integer::sum);
          boolean busy = path.contains("/visitors/busy/");
          byte[] body =
              (busy
                      ? "{\"error\":{\"code\":\"unavailable\",\"message\":\"rebalancing\"}}"
                      : JOURNEY)
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          if (busy) {
            exchange.getResponseHeaders().set("Retry-After", "2");
          }
          exchange.sendResponseHeaders(busy ? 503 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    topology.start();
    // The first instance is down: the relay must move on to the next.
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    owner = Accounts.newUser("owner", Accounts.newDomain());
    app = Accounts.newApp(owner, false);
    service =
        QueryApi.start(
            Instant.parse("2026-11-22T12:30:00Z"),
            s ->
                s.withTopologyUrls(
                    List.of(
                        URI.create("http://127.0.0.1:" + deadPort),
                        URI.create("http://127.0.0.1:" + topology.getAddress().getPort()))));
  }

  @AfterAll
  static void stop() {
    service.close();
    topology.stop(0);
  }

  @Test
  void aJourneyIsRelayedFromTheTopologyWhateverInstanceIsDown() {
    for (int i = 0; i < 2; i++) {
      Http.Reply reply = journey("v%201", owner.token());
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body()).isEqualTo(JOURNEY);
    }
    assertThat(asked.get("/internal/v1/apps/" + app + "/visitors/v%201/journey")).isEqualTo(2);
  }

  @Test
  void unavailableIsPassedThroughWithRetryAfter() {
    Http.Reply reply = journey("busy", owner.token());
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.header("Retry-After")).isEqualTo("2");
    assertThat(reply.json().path("error").path("code").asText()).isEqualTo("unavailable");
  }

  @Test
  void theTopologyIsNotAskedForAppsTheCallerMayNotRead() {
    Accounts.User stranger = Accounts.newUser("stranger", Accounts.newDomain());
    assertThat(journey("secret", stranger.token()).status()).isEqualTo(404);
    assertThat(journey("secret", null).status()).isEqualTo(401);
    assertThat(asked.keySet()).noneMatch(path -> path.contains("/visitors/secret/"));
  }

  @Test
  void withoutAnyReachableTopologyTheAnswerIs503() {
    QueryApiService alone =
        QueryApi.start(
            Instant.parse("2026-11-22T12:30:00Z"),
            s -> s.withTopologyUrls(List.of(URI.create("http://127.0.0.1:1"))));
    try {
      Http.Reply reply =
          Http.get(alone.url() + "/v1/apps/" + app + "/visitors/v1/journey", owner.token());
      assertThat(reply.status()).isEqualTo(503);
      assertThat(reply.header("Retry-After")).isEqualTo("1");
    } finally {
      alone.close();
    }
  }

  private static Http.Reply journey(String rawVisitor, String token) {
    return Http.get(
        service.url() + "/v1/apps/" + app + "/visitors/" + rawVisitor + "/journey", token);
  }
}
