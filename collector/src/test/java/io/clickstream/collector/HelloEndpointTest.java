package io.clickstream.collector;

import static io.clickstream.collector.CollectorClient.USER_AGENT;
import static io.clickstream.collector.CollectorClient.assertError;
import static io.clickstream.collector.CollectorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clickstream.collector.ingest.IpAnonymizer;
import io.clickstream.embedded.TestServices;
import io.clickstream.model.Json;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.kafka.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /v1/hello: a session starts, its session_start is stored, a ticket comes back. */
class HelloEndpointTest {
  private static final byte[] KEY =
      "hello-test-key-of-32-bytes-long!".getBytes(StandardCharsets.UTF_8);
  private static final String SALT = "salt";
  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final MutableClock CLOCK = MutableClock.nearNow();

  private static String bootstrapServers;
  private static final List<CollectorService> collectors = new ArrayList<>();
  private static CollectorService collector;
  private static CollectorClient client;

  @BeforeAll
  static void startCollector() {
    bootstrapServers = TestServices.get().kafkaBootstrapServers();
    ConfigTopics.publishApps(
        bootstrapServers,
        "hello-new-visitor",
        "hello-known-visitor",
        "hello-proxy",
        "hello-errors",
        "hello-public-url");
    // 127.0.0.1 is a trusted proxy here: the tests speak for the clients behind it.
    collector =
        start(
            new CollectorSettings("127.0.0.1", 0, bootstrapServers, KEY, SALT, Map.of())
                .withTrustedProxies(List.of("127.0.0.1/32")));
    client = new CollectorClient(collector);
  }

  @AfterAll
  static void stopCollectors() {
    collectors.forEach(CollectorService::close);
  }

  @Test
  void helloMakesAVisitorAndSessionStoresSessionStartAndAnswersWithATicket() throws Exception {
    String appId = "hello-new-visitor";
    HttpResponse<String> response =
        client.post(
            "/v1/hello",
            """
            {"token": "%s", "url": "https://shop.example/products/42",
             "referrer": "https://www.google.com/", "screen": {"w": 1920, "h": 1080},
             "language": "de-DE", "tz": "Europe/Berlin"}
            """
                .formatted(token(appId)));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode hello = json(response);
    String visitorId = hello.get("visitor_id").textValue();
    String sessionId = hello.get("session_id").textValue();
    String ticket = hello.get("ticket").textValue();
    assertThat(visitorId).matches(UUID_PATTERN);
    assertThat(sessionId).matches(UUID_PATTERN).isNotEqualTo(visitorId);
    assertThat(ticket).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    assertThat(hello)
        .isEqualTo(
            Json.readTree(
                """
                {"visitor_id": "%s", "session_id": "%s", "ticket": "%s",
                 "ws_url": "ws://127.0.0.1:%d/v1/ws?ticket=%s", "expires_in": 30}
                """
                    .formatted(visitorId, sessionId, ticket, collector.port(), ticket)));

    List<ConsumerRecord<String, byte[]>> records = events(appId);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).key()).isEqualTo(appId + ":" + visitorId);
    ObjectNode sessionStart = (ObjectNode) Json.readTree(records.get(0).value());
    assertThat(sessionStart.remove("id").textValue()).matches(UUID_PATTERN);
    long now = CLOCK.millis();
    assertThat(sessionStart)
        .isEqualTo(
            Json.readTree(
                """
                {"type": "session_start", "ts": %d, "url": "https://shop.example/products/42",
                 "referrer": "https://www.google.com/",
                 "props": {"screen_w": 1920, "screen_h": 1080, "language": "de-DE",
                           "tz": "Europe/Berlin"},
                 "app_id": "%s", "visitor_id": "%s", "session_id": "%s", "received_at": %d,
                 "clock_skew": false, "user_agent": "%s", "ip_hash": "%s"}
                """
                    .formatted(
                        now, appId, visitorId, sessionId, now, USER_AGENT, ipHash("127.0.0.1"))));
  }

  @Test
  void helloKeepsTheVisitorIdTheTrackerHasAndStartsANewSessionEachTime() throws Exception {
    String body =
        """
        {"token": "%s", "visitor_id": "v-returning", "url": "https://shop.example/"}
        """
            .formatted(token("hello-known-visitor"));

    JsonNode first = client.hello(body);
    JsonNode second = client.hello(body);

    assertThat(first.get("visitor_id").textValue()).isEqualTo("v-returning");
    assertThat(second.get("visitor_id").textValue()).isEqualTo("v-returning");
    assertThat(first.get("session_id")).isNotEqualTo(second.get("session_id"));
    assertThat(events("hello-known-visitor"))
        .extracting(r -> Json.readTree(r.value()).get("session_id").textValue())
        .containsExactlyInAnyOrder(
            first.get("session_id").textValue(), second.get("session_id").textValue());
  }

  @Test
  void behindATrustedProxyTheWsUrlAndTheIpHashFollowTheForwardedHeaders() throws Exception {
    HttpResponse<String> response =
        client.post(
            "/v1/hello",
            "{\"token\": \"%s\", \"url\": \"https://shop.example/\"}"
                .formatted(token("hello-proxy")),
            "X-Forwarded-For",
            "198.51.100.1, 203.0.113.9",
            "X-Forwarded-Proto",
            "https",
            "X-Forwarded-Host",
            "collector.example.com");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode hello = json(response);
    assertThat(hello.get("ws_url").textValue())
        .isEqualTo("wss://collector.example.com/v1/ws?ticket=" + hello.get("ticket").textValue());
    // The right-most address not of a trusted proxy is the client.
    assertThat(Json.readTree(events("hello-proxy").get(0).value()).get("ip_hash").textValue())
        .isEqualTo(ipHash("203.0.113.9"));
  }

  @Test
  void aConfiguredPublicUrlIsTheBaseOfTheWsUrl() throws Exception {
    CollectorService behindPath =
        start(
            new CollectorSettings("127.0.0.1", 0, bootstrapServers, KEY, SALT, Map.of())
                .withPublicUrl("https://example.com/collect/"));

    JsonNode hello =
        new CollectorClient(behindPath)
            .hello(
                "{\"token\": \"%s\", \"url\": \"https://shop.example/\"}"
                    .formatted(token("hello-public-url")));

    assertThat(hello.get("ws_url").textValue())
        .isEqualTo("wss://example.com/collect/v1/ws?ticket=" + hello.get("ticket").textValue());
  }

  @Test
  void helloThatDoesNotDescribeAPageIs400AndStoresNothing() throws Exception {
    String token = token("hello-errors");
    String[] bodies = {
      "{\"token\": \"%s\"}",
      "{\"token\": \"%s\", \"url\": \"not a url\"}",
      "{\"token\": \"%s\", \"url\": 42}",
      "{\"token\": \"%s\", \"url\": \"https://a.example/\", \"referrer\": \"nowhere\"}",
      "{\"token\": \"%s\", \"url\": \"https://a.example/\", \"screen\": {\"w\": \"wide\", \"h\": 1}}",
      "{\"token\": \"%s\", \"url\": \"https://a.example/\", \"screen\": {\"w\": -1, \"h\": 1}}",
      "{\"token\": \"%s\", \"url\": \"https://a.example/\", \"language\": 7}",
      "{\"token\": \"%s\", \"url\": \"https://a.example/\", \"visitor_id\": \"has space\"}"
    };
    for (String body : bodies) {
      assertError(client.post("/v1/hello", body.formatted(token)), 400, "bad_request");
    }
    assertThat(events("hello-errors")).isEmpty();
  }

  @Test
  void helloForAnAppTheCollectorDoesNotKnowIs401() throws Exception {
    assertError(
        client.post(
            "/v1/hello",
            "{\"token\": \"%s\", \"url\": \"https://a.example/\"}"
                .formatted(token("hello-never-published"))),
        401,
        "unauthorized");
    assertError(client.post("/v1/hello", "{\"url\": \"https://a.example/\"}"), 401, "unauthorized");
  }

  @Test
  void malformedHelloIs400AndAnotherContentTypeIs415() throws Exception {
    assertError(client.post("/v1/hello", "{\"token\":"), 400, "malformed_json");
    assertError(client.post("/v1/hello", "[]"), 400, "bad_request");
    assertError(
        client.send(
            client
                .request("/v1/hello")
                .header("Content-Type", "application/xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<hello/>"))
                .build()),
        415,
        "unsupported_media_type");
    assertError(client.get("/v1/hello"), 405, "method_not_allowed");
  }

  private static CollectorService start(CollectorSettings settings) {
    CollectorService started = new CollectorService(settings, CLOCK).start();
    collectors.add(started);
    return started;
  }

  private static String token(String appId) {
    return new AppTokens(KEY).issue(appId, "tok-" + appId, CLOCK.instant());
  }

  private static String ipHash(String ip) {
    return new IpAnonymizer(SALT, CLOCK).hash(ip);
  }

  private static List<ConsumerRecord<String, byte[]>> events(String appId) {
    return TopicRecords.ofApp(bootstrapServers, Topics.EVENTS, appId);
  }
}
