package io.clickstream.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.collector.WsClient.Close;
import io.clickstream.collector.ingest.IpAnonymizer;
import io.clickstream.embedded.TestServices;
import io.clickstream.model.Json;
import io.clickstream.model.config.AppSettings;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole life of a WebSocket session with a real client: hello, ticket, upgrade, frames and
 * their acks, and every way a session ends.
 */
class WebSocketSessionTest {
  private static final byte[] KEY =
      "ws-test-key-of-32-bytes-long!!!!".getBytes(StandardCharsets.UTF_8);
  private static final String SALT = "salt";
  private static final MutableClock CLOCK = MutableClock.nearNow();
  private static final String PAGEVIEW_ID = "11111111-1111-4111-8111-111111111111";
  private static final String CUSTOM_ID = "22222222-2222-4222-8222-222222222222";

  private static String bootstrapServers;
  private static CollectorService collector;
  private static CollectorClient client;

  @BeforeAll
  static void startCollector() {
    bootstrapServers = TestServices.get().kafkaBootstrapServers();
    ConfigTopics.publishApps(
        bootstrapServers,
        "ws-frames",
        "ws-abrupt",
        "ws-client-close",
        "ws-replay",
        "ws-expired",
        "ws-forged",
        "ws-dead",
        "ws-revoked",
        "ws-deleted",
        "ws-types",
        "ws-errors");
    ConfigTopics.publish(
        bootstrapServers, ConfigTopics.app("ws-idle", null, new AppSettings(1000, 100, 1)));
    collector =
        new CollectorService(
                new CollectorSettings("127.0.0.1", 0, bootstrapServers, KEY, SALT, Map.of())
                    .withPingInterval(Duration.ofMillis(200)),
                CLOCK)
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
  void framesAreAckedOnceStoredAndTheirEventsCarryTheTicketsVisitorAndSession() throws Exception {
    String appId = "ws-frames";
    JsonNode hello = hello(appId, "v-frames");
    String sessionId = hello.get("session_id").textValue();

    try (WsClient socket = WsClient.connect(hello.get("ws_url").textValue())) {
      socket.send(
          """
          {"events": [
            {"id": "%s", "type": "pageview", "url": "https://shop.example/a"},
            {"type": "click", "x": 3}
          ]}
          """
              .formatted(PAGEVIEW_ID));
      assertThat(socket.next())
          .isEqualTo(
              Json.readTree(
                  """
                  {"ack": 1, "rejected": [{"index": 1, "reason": "target is required for click"}]}
                  """));
      // One event on its own is a frame too.
      socket.send(
          "{\"id\": \"%s\", \"type\": \"custom\", \"name\": \"signup\"}".formatted(CUSTOM_ID));
      assertThat(socket.next()).isEqualTo(Json.readTree("{\"ack\": 1, \"rejected\": []}"));

      socket.send("{\"type\": \"goodbye\"}");
      assertThat(socket.awaitClose()).isEqualTo(new Close(1000, "goodbye"));
    }

    List<JsonNode> events = events(appId);
    assertThat(events)
        .extracting(e -> e.get("type").textValue())
        .containsExactly("session_start", "pageview", "custom", "session_end");
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.get("visitor_id").textValue()).isEqualTo("v-frames");
              assertThat(e.get("session_id").textValue()).isEqualTo(sessionId);
              assertThat(e.get("user_agent").textValue()).isEqualTo(CollectorClient.USER_AGENT);
              assertThat(e.get("ip_hash").textValue()).isEqualTo(ipHash("127.0.0.1"));
            });
    assertThat(events.get(1).get("id").textValue()).isEqualTo(PAGEVIEW_ID);
    assertThat(events.get(2).get("id").textValue()).isEqualTo(CUSTOM_ID);
    assertThat(events.get(3).get("reason").textValue()).isEqualTo("goodbye");
    assertThat(records(Topics.EVENTS_DLQ, appId))
        .extracting(r -> Json.readTree(r.value()).get("reason").textValue())
        .containsExactly("target is required for click");
  }

  @Test
  void anAbruptDisconnectEndsTheSessionAsInterrupted() throws Exception {
    String appId = "ws-abrupt";
    JsonNode hello = hello(appId, "v-abrupt");
    WsClient socket = WsClient.connect(hello.get("ws_url").textValue());
    socket.send("{\"type\": \"pageview\", \"url\": \"https://shop.example/\"}");
    assertThat(socket.next().get("ack").intValue()).isEqualTo(1);

    socket.abort();

    JsonNode sessionEnd = awaitSessionEnd(appId);
    assertThat(sessionEnd.get("reason").textValue()).isEqualTo("interrupted");
    assertThat(sessionEnd.get("session_id")).isEqualTo(hello.get("session_id"));
  }

  @Test
  void aClientCloseWithoutGoodbyeEndsTheSessionAsInterrupted() throws Exception {
    String appId = "ws-client-close";
    JsonNode hello = hello(appId, "v-close");
    java.net.http.WebSocket socket =
        java.net.http.HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                java.net.URI.create(hello.get("ws_url").textValue()),
                new java.net.http.WebSocket.Listener() {})
            .join();

    // What a browser sends when the page goes away without the tracker saying goodbye.
    socket.sendClose(1001, "page unloaded").join();

    assertThat(awaitSessionEnd(appId).get("reason").textValue()).isEqualTo("interrupted");
  }

  @Test
  void aTicketOpensOneSocketOnlyAndAReplayIs401() throws Exception {
    JsonNode hello = hello("ws-replay", "v-replay");
    String wsUrl = hello.get("ws_url").textValue();
    try (WsClient first = WsClient.connect(wsUrl)) {
      first.send("{\"type\": \"goodbye\"}");
      assertThat(first.awaitClose()).isEqualTo(new Close(1000, "goodbye"));
    }

    try (RawUpgrade replay = RawUpgrade.open(collector.port(), pathOf(wsUrl))) {
      assertThat(replay.status()).isEqualTo(401);
      assertThat(replay.json())
          .isEqualTo(
              Json.readTree(
                  """
                  {"error": {"code": "unauthorized",
                   "message": "The ticket was used already; say hello again for a new one."}}
                  """));
    }
  }

  @Test
  void aTicketExpiresThirtySecondsAfterTheHello() throws Exception {
    JsonNode hello = hello("ws-expired", "v-expired");

    CLOCK.advance(Duration.ofSeconds(31));

    try (RawUpgrade late =
        RawUpgrade.open(collector.port(), pathOf(hello.get("ws_url").textValue()))) {
      assertThat(late.status()).isEqualTo(401);
      assertThat(late.json().at("/error/message").textValue())
          .isEqualTo("The ticket has expired; say hello again for a new one.");
    }
    // Nothing was opened, so nothing ended: the session_start stays alone.
    assertThat(events("ws-expired"))
        .extracting(e -> e.get("type").textValue())
        .containsExactly("session_start");
  }

  @Test
  void aForgedMissingOrForeignTicketIs401() throws Exception {
    String ticket = hello("ws-forged", "v-forged").get("ticket").textValue();
    String[] parts = ticket.split("\\.");
    String otherSession =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                Json.toBytes(
                    Map.of(
                        "aud",
                        "clickstream-websocket",
                        "sub",
                        "ws-forged",
                        "jti",
                        "x",
                        "exp",
                        4_000_000_000L,
                        "tid",
                        "tok-ws-forged",
                        "vid",
                        "v-forged",
                        "sid",
                        "someone-elses-session")));
    String appToken = token("ws-forged");

    for (String query :
        new String[] {
          "?ticket=" + parts[0] + "." + otherSession + "." + parts[2],
          "",
          "?ticket=",
          "?ticket=" + appToken,
          "?ticket=garbage"
        }) {
      try (RawUpgrade refused = RawUpgrade.open(collector.port(), "/v1/ws" + query)) {
        assertThat(refused.status()).as(query).isEqualTo(401);
        assertThat(refused.json().at("/error/code").textValue()).isEqualTo("unauthorized");
      }
    }
  }

  @Test
  void aPlainGetOnTheSocketPathIs426() throws Exception {
    try (RawUpgrade plain = RawUpgrade.plainGet(collector.port(), "/v1/ws?ticket=x")) {
      assertThat(plain.status()).isEqualTo(426);
      assertThat(plain.header("Upgrade")).isEqualTo("websocket");
      assertThat(plain.json().at("/error/code").textValue()).isEqualTo("upgrade_required");
    }
  }

  @Test
  void aSessionIdleForTheAppsSessionTimeoutIsClosedAndEndsAtItsLastEvent() throws Exception {
    String appId = "ws-idle";
    JsonNode hello = hello(appId, "v-idle");
    try (WsClient socket = WsClient.connect(hello.get("ws_url").textValue())) {
      socket.send("{\"type\": \"pageview\", \"url\": \"https://shop.example/\"}");
      assertThat(socket.next().get("ack").intValue()).isEqualTo(1);
      long lastEventAt = CLOCK.millis();

      // ws-idle's session timeout is 1 minute.
      CLOCK.advance(Duration.ofSeconds(61));

      assertThat(socket.awaitClose()).isEqualTo(new Close(1000, "idle timeout"));
      JsonNode sessionEnd = awaitSessionEnd(appId);
      assertThat(sessionEnd.get("reason").textValue()).isEqualTo("interrupted");
      assertThat(sessionEnd.get("ts").longValue()).isEqualTo(lastEventAt);
      assertThat(sessionEnd.get("received_at").longValue()).isEqualTo(CLOCK.millis());
    }
  }

  @Test
  void aPeerThatStopsAnsweringPingsIsDroppedAndItsSessionEndsAsInterrupted() throws Exception {
    String appId = "ws-dead";
    JsonNode hello = hello(appId, "v-dead");
    long connectedAt = CLOCK.millis();

    try (RawUpgrade silent =
        RawUpgrade.open(collector.port(), pathOf(hello.get("ws_url").textValue()))) {
      assertThat(silent.status()).isEqualTo(101);

      // Pings every 200 ms here; two unanswered and the socket is dead.
      assertThat(silent.awaitServerClose(Duration.ofSeconds(10))).isTrue();
    }
    JsonNode sessionEnd = awaitSessionEnd(appId);
    assertThat(sessionEnd.get("reason").textValue()).isEqualTo("interrupted");
    assertThat(sessionEnd.get("ts").longValue()).isEqualTo(connectedAt);
  }

  @Test
  void revokingTheTokenClosesItsOpenSocketsWith1008() throws Exception {
    String appId = "ws-revoked";
    JsonNode hello = hello(appId, "v-revoked");
    try (WsClient socket = WsClient.connect(hello.get("ws_url").textValue())) {
      ConfigTopics.revoke(bootstrapServers, appId, "tok-" + appId);

      assertThat(socket.awaitClose()).isEqualTo(new Close(1008, "the app token was revoked"));
    }
    assertThat(awaitSessionEnd(appId).get("reason").textValue()).isEqualTo("interrupted");
  }

  @Test
  void deletingTheAppClosesItsOpenSocketsWith1008() throws Exception {
    String appId = "ws-deleted";
    JsonNode hello = hello(appId, "v-deleted");
    try (WsClient socket = WsClient.connect(hello.get("ws_url").textValue())) {
      ConfigTopics.delete(bootstrapServers, appId);

      assertThat(socket.awaitClose()).isEqualTo(new Close(1008, "the app was deleted"));
    }
  }

  @Test
  void sessionStartAndSessionEndAreTheServersToSendOnASocket() throws Exception {
    JsonNode hello = hello("ws-types", "v-types");
    try (WsClient socket = WsClient.connect(hello.get("ws_url").textValue())) {
      socket.send(
          "{\"events\": [{\"type\": \"session_end\", \"reason\": \"goodbye\"},"
              + " {\"type\": \"session_start\"}]}");

      assertThat(socket.next())
          .isEqualTo(
              Json.readTree(
                  """
                  {"ack": 0, "rejected": [
                    {"index": 0, "reason": "type session_end is sent by the server on a websocket session"},
                    {"index": 1, "reason": "type session_start is sent by the server on a websocket session"}
                  ]}
                  """));
    }
  }

  @Test
  void framesThatAreNotEventsAreAnsweredWithAnErrorInOrderAndTheSessionGoesOn() throws Exception {
    JsonNode hello = hello("ws-errors", "v-errors");
    String pageview = "{\"type\": \"pageview\", \"url\": \"https://shop.example/\"}";
    try (WsClient socket = WsClient.connect(hello.get("ws_url").textValue())) {
      socket.send("{not json");
      socket.send("[1, 2]");
      socket.send("{\"events\": 3}");
      socket.send("{\"events\": [" + String.join(",", Collections.nCopies(501, pageview)) + "]}");
      socket.send(pageview);

      assertThat(socket.next().at("/error/code").textValue()).isEqualTo("malformed_json");
      assertThat(socket.next())
          .isEqualTo(
              Json.readTree(
                  """
                  {"error": {"code": "bad_request",
                   "message": "A frame is {\\"events\\":[…]}, one event, or {\\"type\\":\\"goodbye\\"}."}}
                  """));
      assertThat(socket.next().at("/error/message").textValue())
          .isEqualTo("'events' must be an array of events.");
      assertThat(socket.next())
          .isEqualTo(
              Json.readTree(
                  """
                  {"error": {"code": "payload_too_large",
                   "message": "A frame holds at most 500 events; got 501."}}
                  """));
      assertThat(socket.next()).isEqualTo(Json.readTree("{\"ack\": 1, \"rejected\": []}"));
    }
  }

  private static JsonNode hello(String appId, String visitorId) throws Exception {
    return client.hello(
        "{\"token\": \"%s\", \"visitor_id\": \"%s\", \"url\": \"https://shop.example/\"}"
            .formatted(token(appId), visitorId));
  }

  private static JsonNode awaitSessionEnd(String appId) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                events(appId).stream()
                    .filter(e -> e.get("type").textValue().equals("session_end"))
                    .toList(),
            ends -> ends.size() == 1)
        .get(0);
  }

  private static String pathOf(String wsUrl) {
    return wsUrl.substring(wsUrl.indexOf("/v1/ws"));
  }

  private static String token(String appId) {
    return new AppTokens(KEY).issue(appId, "tok-" + appId, CLOCK.instant());
  }

  private static String ipHash(String ip) {
    return new IpAnonymizer(SALT, CLOCK).hash(ip);
  }

  private static List<JsonNode> events(String appId) {
    return records(Topics.EVENTS, appId).stream().map(r -> Json.readTree(r.value())).toList();
  }

  private static List<ConsumerRecord<String, byte[]>> records(String topic, String appId) {
    return TopicRecords.ofApp(bootstrapServers, topic, appId);
  }
}
