package io.clickstream.collector;

import static io.clickstream.collector.CollectorClient.assertError;
import static io.clickstream.collector.CollectorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.embedded.TestServices;
import io.clickstream.model.Json;
import io.clickstream.model.Limits;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.kafka.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests the collector refuses as a whole, each with the one JSON error shape. */
class EventsRequestErrorsTest {
  private static final byte[] KEY =
      "errors-test-key-of-32-bytes!!!!!".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OTHER_KEY =
      "another-key-of-32-bytes-for-test".getBytes(StandardCharsets.UTF_8);
  private static final String PAGEVIEW = "{\"type\":\"pageview\",\"url\":\"https://a.example/\"}";

  private static String bootstrapServers;
  private static CollectorService collector;
  private static CollectorClient client;

  @BeforeAll
  static void startCollector() {
    bootstrapServers = TestServices.get().kafkaBootstrapServers();
    // errors-victim and errors-other-key stay unknown: their tokens fail before that matters.
    ConfigTopics.publishApps(
        bootstrapServers,
        "errors-forged",
        "errors-no-visitor",
        "errors-bad-visitor",
        "errors-long-visitor",
        "errors-bad-session",
        "errors-not-array",
        "errors-501",
        "errors-500",
        "errors-1mib",
        "errors-xml");
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
  void malformedJsonIs400() throws Exception {
    assertError(client.postEvents("{\"token\": \"abc\", \"events\": ["), 400, "malformed_json");
  }

  @Test
  void emptyBodyIs400() throws Exception {
    assertError(client.postEvents(""), 400, "malformed_json");
  }

  @Test
  void bodyThatIsNotAnObjectIs400() throws Exception {
    assertError(client.postEvents("[" + PAGEVIEW + "]"), 400, "bad_request");
    assertError(client.postEvents("\"events\""), 400, "bad_request");
  }

  @Test
  void missingTokenIs401() throws Exception {
    assertError(
        client.postEvents("{\"visitor_id\":\"v-1\",\"events\":[" + PAGEVIEW + "]}"),
        401,
        "unauthorized");
    assertError(
        client.postEvents("{\"token\":null,\"visitor_id\":\"v-1\",\"events\":[]}"),
        401,
        "unauthorized");
    assertError(
        client.postEvents("{\"token\":42,\"visitor_id\":\"v-1\",\"events\":[]}"),
        401,
        "unauthorized");
  }

  @Test
  void forgedTokenIs401() throws Exception {
    String token = token("errors-forged");
    String[] parts = token.split("\\.");
    String otherApp =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"sub\":\"errors-victim\",\"aud\":\"clickstream-collector\",\"jti\":\"t\"}"
                    .getBytes(StandardCharsets.UTF_8));

    assertError(
        client.postEvents(batch(parts[0] + "." + otherApp + "." + parts[2], PAGEVIEW)),
        401,
        "unauthorized");
    assertError(client.postEvents(batch("not-a-jwt", PAGEVIEW)), 401, "unauthorized");
    assertThat(TopicRecords.ofApp(bootstrapServers, Topics.EVENTS, "errors-victim")).isEmpty();
  }

  @Test
  void tokenSignedWithAnotherKeyIs401() throws Exception {
    String foreign = new AppTokens(OTHER_KEY).issue("errors-other-key", "t", Instant.now());

    assertError(client.postEvents(batch(foreign, PAGEVIEW)), 401, "unauthorized");
    assertThat(TopicRecords.ofApp(bootstrapServers, Topics.EVENTS, "errors-other-key")).isEmpty();
  }

  @Test
  void missingVisitorIdIs400() throws Exception {
    String body =
        "{\"token\":\"%s\",\"events\":[%s]}".formatted(token("errors-no-visitor"), PAGEVIEW);

    assertError(client.postEvents(body), 400, "bad_request");
  }

  @Test
  void visitorIdThatIsNotAnIdentifierIs400() throws Exception {
    String token = token("errors-bad-visitor");
    String template = "{\"token\":\"%s\",\"visitor_id\":%s,\"events\":[%s]}";

    assertError(
        client.postEvents(template.formatted(token, "\"has spaces\"", PAGEVIEW)),
        400,
        "bad_request");
    assertError(
        client.postEvents(template.formatted(token, "\"" + "v".repeat(200) + "\"", PAGEVIEW)),
        400,
        "bad_request");
    assertError(client.postEvents(template.formatted(token, "\"\"", PAGEVIEW)), 400, "bad_request");
    assertError(client.postEvents(template.formatted(token, "123", PAGEVIEW)), 400, "bad_request");
    assertThat(TopicRecords.ofApp(bootstrapServers, Topics.EVENTS, "errors-bad-visitor")).isEmpty();
  }

  @Test
  void visitorIdOf128CharactersIsAccepted() throws Exception {
    String body =
        "{\"token\":\"%s\",\"visitor_id\":\"%s\",\"events\":[%s]}"
            .formatted(token("errors-long-visitor"), "v".repeat(128), PAGEVIEW);

    assertThat(client.postEvents(body).statusCode()).isEqualTo(202);
  }

  @Test
  void badSessionIdIs400() throws Exception {
    String body =
        "{\"token\":\"%s\",\"visitor_id\":\"v-1\",\"session_id\":\"a b\",\"events\":[%s]}"
            .formatted(token("errors-bad-session"), PAGEVIEW);

    assertError(client.postEvents(body), 400, "bad_request");
  }

  @Test
  void eventsThatAreNotAnArrayAre400() throws Exception {
    String token = token("errors-not-array");

    assertError(
        client.postEvents(
            "{\"token\":\"%s\",\"visitor_id\":\"v-1\",\"events\":%s}".formatted(token, PAGEVIEW)),
        400,
        "bad_request");
    assertError(
        client.postEvents("{\"token\":\"%s\",\"visitor_id\":\"v-1\"}".formatted(token)),
        400,
        "bad_request");
  }

  @Test
  void batchOf501EventsIs413AndNothingIsWritten() throws Exception {
    String appId = "errors-501";
    String events = String.join(",", Collections.nCopies(Limits.MAX_BATCH_EVENTS + 1, PAGEVIEW));

    assertError(client.postEvents(batch(token(appId), events)), 413, "payload_too_large");
    assertThat(TopicRecords.ofApp(bootstrapServers, Topics.EVENTS, appId)).isEmpty();
  }

  @Test
  void batchOf500EventsIsAccepted() throws Exception {
    String events = String.join(",", Collections.nCopies(Limits.MAX_BATCH_EVENTS, PAGEVIEW));

    HttpResponse<String> response = client.postEvents(batch(token("errors-500"), events));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response).get("accepted").intValue()).isEqualTo(500);
  }

  @Test
  void bodyOfOneMebibyteIsAcceptedAndOneByteMoreIs413() throws Exception {
    String batch = batch(token("errors-1mib"), PAGEVIEW);
    // Whitespace after the document is still JSON, so the size is all that differs.
    byte[] exactly = padded(batch, Limits.MAX_BATCH_BYTES);
    byte[] oneMore = padded(batch, Limits.MAX_BATCH_BYTES + 1);

    HttpResponse<String> accepted = client.postEvents(exactly, "application/json");
    HttpResponse<String> refused = client.postEvents(oneMore, "application/json");

    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(json(accepted)).isEqualTo(Json.readTree("{\"accepted\":1,\"rejected\":[]}"));
    assertError(refused, 413, "payload_too_large");
  }

  @Test
  void xmlContentTypeIs415() throws Exception {
    assertError(
        client.postEvents(batch(token("errors-xml"), PAGEVIEW), "application/xml"),
        415,
        "unsupported_media_type");
  }

  @Test
  void getOnEventsIs405() throws Exception {
    assertError(client.get("/v1/events"), 405, "method_not_allowed");
  }

  @Test
  void unknownPathIs404() throws Exception {
    assertError(client.get("/v1/nothing"), 404, "not_found");
  }

  private static String token(String appId) {
    return new AppTokens(KEY).issue(appId, "tok-" + appId, Instant.now());
  }

  private static String batch(String token, String events) {
    return "{\"token\":\"%s\",\"visitor_id\":\"v-1\",\"events\":[%s]}".formatted(token, events);
  }

  private static byte[] padded(String json, int length) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    byte[] padded = new byte[length];
    Arrays.fill(padded, (byte) ' ');
    System.arraycopy(bytes, 0, padded, 0, bytes.length);
    return padded;
  }
}
