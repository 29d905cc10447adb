package io.clickstream.collector;

import static io.clickstream.collector.CollectorClient.assertError;
import static io.clickstream.collector.CollectorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.collector.WsClient.Close;
import io.clickstream.embedded.TestServices;
import io.clickstream.model.config.AppSettings;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.kafka.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits an app's settings set (events per second, open sockets) and the origins its URL
 * allows, over HTTP and on WebSockets.
 */
class AppLimitsTest {
  private static final byte[] KEY =
      "limits-test-key-of-32-bytes-ok!!".getBytes(StandardCharsets.UTF_8);
  private static final String PAGEVIEW =
      "{\"type\":\"pageview\",\"url\":\"https://shop.example/\"}";
  private static final String SHOP = "https://shop.example";

  private static String bootstrapServers;
  private static CollectorService collector;
  private static CollectorClient client;

  @BeforeAll
  static void startCollector() {
    bootstrapServers = TestServices.get().kafkaBootstrapServers();
    ConfigTopics.publish(
        bootstrapServers,
        ConfigTopics.app("limits-1-eps", null, new AppSettings(1, 100, 30)),
        ConfigTopics.app("limits-100-eps", null, new AppSettings(100, 100, 30)),
        ConfigTopics.app("limits-1-socket", null, new AppSettings(1000, 1, 30)),
        ConfigTopics.app("limits-shop", SHOP + "/", AppSettings.DEFAULTS),
        ConfigTopics.app("limits-anywhere", null, AppSettings.DEFAULTS));
    collector =
        new CollectorService(
                new CollectorSettings("127.0.0.1", 0, bootstrapServers, KEY, "salt", Map.of()),
                Clock.systemUTC())
            .start();
    client = new CollectorClient(collector);
  }

  @AfterAll
  static void stopCollector() {
    if (collector != null) {
      collector.close();
    }
  }

  @Test
  void aBatchOverTheAppsEventsPerSecondIs429WithRetryAfterAndStoresNothing() throws Exception {
    String appId = "limits-1-eps";
    // A full bucket lets one batch larger than the rate pass, and leaves the app 49 s in debt.
    HttpResponse<String> first = client.postEvents(batch(appId, "v-first", 50));
    assertThat(first.statusCode()).isEqualTo(202);

    HttpResponse<String> second = client.postEvents(batch(appId, "v-second", 1));

    assertError(second, 429, "rate_limited");
    assertThat(second.headers().firstValue("Retry-After")).hasValue("50");
    assertThat(json(second).at("/error/message").textValue())
        .isEqualTo("The app is over its limit of events per second; retry in 50 s.");
    assertThat(TopicRecords.ofApp(bootstrapServers, Topics.EVENTS, appId))
        .allSatisfy(r -> assertThat(r.key()).isEqualTo(appId + ":v-first"))
        .hasSize(50);
  }

  @Test
  void aFrameOverTheAppsEventsPerSecondClosesTheSocketWith1013() throws Exception {
    String appId = "limits-100-eps";
    JsonNode hello = hello(appId); // takes 1 of the 100 events of this second
    try (WsClient socket = WsClient.connect(hello.get("ws_url").textValue())) {
      socket.send(frame(99));
      assertThat(socket.next().get("ack").intValue()).isEqualTo(99);

      socket.send(frame(99));

      assertThat(socket.awaitClose())
          .isEqualTo(new Close(1013, "rate limit exceeded; retry in 1 s"));
    }
  }

  @Test
  void aSocketOverTheAppsMaxConnectionsIsClosedWith1013AndTheNextOneFitsAgain() throws Exception {
    String appId = "limits-1-socket";
    JsonNode firstHello = hello(appId);
    JsonNode secondHello = hello(appId);
    JsonNode thirdHello = hello(appId);

    try (WsClient first = WsClient.connect(firstHello.get("ws_url").textValue())) {
      try (WsClient second = WsClient.connect(secondHello.get("ws_url").textValue())) {
        assertThat(second.awaitClose())
            .isEqualTo(new Close(1013, "too many open connections for this app (1); retry later"));
      }
      first.send(PAGEVIEW);
      assertThat(first.next().get("ack").intValue()).isEqualTo(1);
      first.send("{\"type\":\"goodbye\"}");
      assertThat(first.awaitClose()).isEqualTo(new Close(1000, "goodbye"));
    }
    try (WsClient third = WsClient.connect(thirdHello.get("ws_url").textValue())) {
      third.send(PAGEVIEW);
      assertThat(third.next().get("ack").intValue()).isEqualTo(1);
    }
  }

  @Test
  void aPreflightIsAllowedForAnyOriginBecauseTheAppIsOnlyKnownFromTheBody() throws Exception {
    for (String path : new String[] {"/v1/events", "/v1/hello"}) {
      HttpResponse<String> preflight =
          client.send(
              client
                  .request(path)
                  .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                  .header("Origin", "https://anywhere.example")
                  .header("Access-Control-Request-Method", "POST")
                  .header("Access-Control-Request-Headers", "content-type")
                  .build());

      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("https://anywhere.example");
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
          .hasValue("Content-Type");
      assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("86400");
      assertThat(preflight.headers().allValues("Vary")).contains("Origin");
    }
  }

  @Test
  void anAppWithAUrlTakesEventsFromItsOwnOriginOnlyAndRefusesOthersWith403() throws Exception {
    String appId = "limits-shop";
    HttpResponse<String> own = client.post("/v1/events", batch(appId, "v-own", 1), "Origin", SHOP);
    HttpResponse<String> foreign =
        client.post("/v1/events", batch(appId, "v-foreign", 1), "Origin", "https://evil.example");
    // A beacon: text/plain, so no preflight protects it; the endpoint must refuse it itself.
    HttpResponse<String> foreignBeacon =
        client.send(
            client
                .request("/v1/events")
                .header("Content-Type", "text/plain;charset=UTF-8")
                .header("Origin", "http://shop.example")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(batch(appId, "v-beacon", 1)))
                .build());
    HttpResponse<String> serverSide = client.postEvents(batch(appId, "v-server", 1));

    assertThat(own.statusCode()).isEqualTo(202);
    assertThat(own.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
    assertThat(own.headers().firstValue("Access-Control-Expose-Headers")).hasValue("Retry-After");
    assertError(foreign, 403, "origin_not_allowed");
    assertError(foreignBeacon, 403, "origin_not_allowed");
    assertThat(serverSide.statusCode()).isEqualTo(202);
    assertThat(TopicRecords.ofApp(bootstrapServers, Topics.EVENTS, appId))
        .extracting(r -> r.key())
        .containsExactlyInAnyOrder(appId + ":v-own", appId + ":v-server");
  }

  @Test
  void anAppWithAUrlRefusesHelloAndSocketsFromOtherOrigins() throws Exception {
    String appId = "limits-shop";
    String hello = helloBody(appId);
    assertError(
        client.post("/v1/hello", hello, "Origin", "https://evil.example"),
        403,
        "origin_not_allowed");

    HttpResponse<String> own = client.post("/v1/hello", hello, "Origin", SHOP);
    assertThat(own.statusCode()).isEqualTo(200);
    String wsUrl = json(own).get("ws_url").textValue();
    // A page of another site that got hold of a ticket cannot use it (cross-site WebSocket).
    try (RawUpgrade hijack =
        RawUpgrade.open(
            collector.port(),
            wsUrl.substring(wsUrl.indexOf("/v1/ws")),
            "Origin: https://evil.example")) {
      assertThat(hijack.status()).isEqualTo(403);
      assertThat(hijack.json().at("/error/code").textValue()).isEqualTo("origin_not_allowed");
    }
  }

  @Test
  void anAppWithoutAUrlTakesEventsFromAnyOrigin() throws Exception {
    HttpResponse<String> response =
        client.post(
            "/v1/events",
            batch("limits-anywhere", "v-any", 1),
            "Origin",
            "https://whatever.example");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://whatever.example");
  }

  private static JsonNode hello(String appId) throws Exception {
    return client.hello(helloBody(appId));
  }

  private static String helloBody(String appId) {
    return "{\"token\":\"%s\",\"url\":\"https://shop.example/\"}".formatted(token(appId));
  }

  private static String frame(int events) {
    return "{\"events\":[" + String.join(",", Collections.nCopies(events, PAGEVIEW)) + "]}";
  }

  private static String batch(String appId, String visitorId, int events) {
    return "{\"token\":\"%s\",\"visitor_id\":\"%s\",\"events\":[%s]}"
        .formatted(
            token(appId), visitorId, String.join(",", Collections.nCopies(events, PAGEVIEW)));
  }

  private static String token(String appId) {
    return new AppTokens(KEY).issue(appId, "tok-" + appId, Instant.now());
  }
}
