package io.clickstream.collector;

import static io.clickstream.collector.CollectorClient.USER_AGENT;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /v1/events end to end: what the client gets back and what lands on the topics. */
class EventsIngestionTest {
  private static final byte[] KEY =
      "ingestion-test-key-of-32-bytes!!".getBytes(StandardCharsets.UTF_8);
  private static final String SALT = "salt";

  /**
   * The collector's clock stands still near real time: the broker refuses record timestamps too far
   * in the future, and records older than the topics' retention would be deleted.
   */
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final long RECEIVED_AT = NOW.toEpochMilli();

  private static String bootstrapServers;
  private static CollectorService collector;
  private static CollectorClient client;

  @BeforeAll
  static void startCollector() {
    bootstrapServers = TestServices.get().kafkaBootstrapServers();
    ConfigTopics.publishApps(
        bootstrapServers,
        "ingest-valid",
        "ingest-ip",
        "ingest-mixed",
        "ingest-skew",
        "ingest-beacon",
        "ingest-no-session",
        "ingest-empty");
    collector =
        new CollectorService(
                new CollectorSettings("127.0.0.1", 0, bootstrapServers, KEY, SALT, Map.of()), CLOCK)
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
  void validBatchIsAcknowledgedAndItsEventsLandStampedOnTheEventsTopic() throws Exception {
    String appId = "ingest-valid";
    long pageviewTs = RECEIVED_AT - 1_500;
    String body =
        """
        {"token": "%s", "visitor_id": "v-1", "session_id": "s-1", "events": [
          {"id": "11111111-1111-4111-8111-111111111111", "type": "pageview", "ts": %d,
           "url": "https://shop.example/products/42?utm_source=news", "referrer": "https://www.google.com/",
           "title": "Product 42"},
          {"id": "22222222-2222-4222-8222-222222222222", "type": "click", "ts": %d,
           "target": "#buy", "x": 120, "y": 340,
           "app_id": "someone-else", "visitor_id": "v-spoofed", "received_at": 1, "ip_hash": "x",
           "unknown_field": {"dropped": true}},
          {"type": "custom", "name": "signup", "props": {"plan": "pro", "seats": 3}}
        ]}
        """
            .formatted(token(appId), pageviewTs, pageviewTs + 700);

    HttpResponse<String> response = client.postEvents(body);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response)).isEqualTo(Json.readTree("{\"accepted\":3,\"rejected\":[]}"));

    List<ConsumerRecord<String, byte[]>> records = events(appId);
    assertThat(records).hasSize(3);
    assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo("ingest-valid:v-1"));
    String stamps =
        """
        "app_id": "ingest-valid", "visitor_id": "v-1", "session_id": "s-1", "received_at": %d,
        "clock_skew": false, "user_agent": "%s", "ip_hash": "%s"
        """
            .formatted(RECEIVED_AT, USER_AGENT, expectedIpHash());
    assertThat(value(records.get(0)))
        .isEqualTo(
            Json.readTree(
                """
                {"id": "11111111-1111-4111-8111-111111111111", "type": "pageview", "ts": %d,
                 "url": "https://shop.example/products/42?utm_source=news",
                 "referrer": "https://www.google.com/", "title": "Product 42", %s}
                """
                    .formatted(pageviewTs, stamps)));
    assertThat(value(records.get(1)))
        .isEqualTo(
            Json.readTree(
                """
                {"id": "22222222-2222-4222-8222-222222222222", "type": "click", "ts": %d,
                 "target": "#buy", "x": 120, "y": 340, %s}
                """
                    .formatted(pageviewTs + 700, stamps)));
    ObjectNode custom = (ObjectNode) value(records.get(2));
    String assignedId = custom.remove("id").textValue();
    assertThat(assignedId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(custom)
        .isEqualTo(
            Json.readTree(
                """
                {"type": "custom", "ts": %d, "name": "signup", "props": {"plan": "pro", "seats": 3},
                 %s}
                """
                    .formatted(RECEIVED_AT, stamps)));
    // The record time is the event time, so that the topology's windows see the client's clock.
    assertThat(records)
        .extracting(ConsumerRecord::timestamp)
        .containsExactly(pageviewTs, pageviewTs + 700, RECEIVED_AT);
  }

  @Test
  void clientIpNeverLeavesTheCollectorOnlyItsDailyHash() throws Exception {
    String appId = "ingest-ip";
    HttpResponse<String> response =
        client.postEvents(
            batch(appId, "v-ip", "{\"type\":\"pageview\",\"url\":\"https://a.example/\"}"));
    assertThat(response.statusCode()).isEqualTo(202);

    List<ConsumerRecord<String, byte[]>> records = events(appId);

    assertThat(records).hasSize(1);
    String ipHash = value(records.get(0)).get("ip_hash").textValue();
    assertThat(ipHash).matches("[0-9a-f]{32}").isEqualTo(expectedIpHash());
    assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8))
        .doesNotContain("127.0.0.1");
    assertThat(records.get(0).key()).doesNotContain("127.0.0.1");
    assertThat(records.get(0).headers().toArray()).isEmpty();
  }

  @Test
  void mixedBatchAcceptsTheValidEventsAndDeadLettersTheRestWithTheirReasons() throws Exception {
    String appId = "ingest-mixed";
    String[] rawEvents = {
      "{\"type\":\"pageview\",\"url\":\"https://a.example/one\"}",
      "{\"type\":\"pageview\",\"title\":\"no url\"}",
      "{\"type\":\"click\",\"x\":\"12\"}",
      "42",
      "{\"type\":\"custom\",\"name\":\"signup\"}",
      "{\"type\":\"pageview\",\"url\":\"ftp://a.example/file\"}",
      "{\"type\":\"purchase\",\"product\":{\"id\":\"sku-1\",\"price\":\"9.99\"}}"
    };

    HttpResponse<String> response = client.postEvents(batch(appId, "v-mixed", rawEvents));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response))
        .isEqualTo(
            Json.readTree(
                """
                {"accepted": 2, "rejected": [
                  {"index": 1, "reason": "url is required for pageview"},
                  {"index": 2, "reason": "target is required for click; x must be an integer"},
                  {"index": 3, "reason": "event must be a json object"},
                  {"index": 5, "reason": "url must be an absolute http(s) url"},
                  {"index": 6, "reason": "product.price must be a number"}
                ]}
                """));
    assertThat(events(appId))
        .extracting(record -> value(record).get("type").textValue())
        .containsExactly("pageview", "custom");

    List<ConsumerRecord<String, byte[]>> deadLetters =
        TopicRecords.ofApp(bootstrapServers, Topics.EVENTS_DLQ, appId);
    assertThat(deadLetters).allSatisfy(r -> assertThat(r.key()).isEqualTo("ingest-mixed:v-mixed"));
    assertThat(deadLetters)
        .extracting(EventsIngestionTest::value)
        .containsExactly(
            deadLetter(appId, 1, "url is required for pageview", rawEvents[1]),
            deadLetter(
                appId, 2, "target is required for click; x must be an integer", rawEvents[2]),
            deadLetter(appId, 3, "event must be a json object", rawEvents[3]),
            deadLetter(appId, 5, "url must be an absolute http(s) url", rawEvents[5]),
            deadLetter(appId, 6, "product.price must be a number", rawEvents[6]));
  }

  @Test
  void tsOutsideTheClockToleranceIsReplacedByReceivedAtAndKeptAsClientTs() throws Exception {
    String appId = "ingest-skew";
    long twoDaysAgo = RECEIVED_AT - Duration.ofDays(2).toMillis();
    long elevenMinutesAhead = RECEIVED_AT + Duration.ofMinutes(11).toMillis();
    long twentyThreeHoursAgo = RECEIVED_AT - Duration.ofHours(23).toMillis();
    String pageview = "{\"type\":\"pageview\",\"url\":\"https://a.example/\",\"ts\":%d}";

    HttpResponse<String> response =
        client.postEvents(
            batch(
                appId,
                "v-skew",
                pageview.formatted(twoDaysAgo),
                pageview.formatted(elevenMinutesAhead),
                pageview.formatted(twentyThreeHoursAgo)));

    assertThat(response.statusCode()).isEqualTo(202);
    List<JsonNode> events = events(appId).stream().map(EventsIngestionTest::value).toList();
    assertThat(events).hasSize(3);
    assertThat(events.get(0).get("ts").longValue()).isEqualTo(RECEIVED_AT);
    assertThat(events.get(0).get("clock_skew").booleanValue()).isTrue();
    assertThat(events.get(0).get("client_ts").longValue()).isEqualTo(twoDaysAgo);
    assertThat(events.get(1).get("ts").longValue()).isEqualTo(RECEIVED_AT);
    assertThat(events.get(1).get("clock_skew").booleanValue()).isTrue();
    assertThat(events.get(1).get("client_ts").longValue()).isEqualTo(elevenMinutesAhead);
    assertThat(events.get(2).get("ts").longValue()).isEqualTo(twentyThreeHoursAgo);
    assertThat(events.get(2).get("clock_skew").booleanValue()).isFalse();
    assertThat(events.get(2).has("client_ts")).isFalse();
  }

  @Test
  void textPlainBodyFromSendBeaconIsAcceptedLikeJson() throws Exception {
    String appId = "ingest-beacon";

    HttpResponse<String> response =
        client.postEvents(
            batch(appId, "v-beacon", "{\"type\":\"session_end\",\"reason\":\"goodbye\"}"),
            "text/plain;charset=UTF-8");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response)).isEqualTo(Json.readTree("{\"accepted\":1,\"rejected\":[]}"));
    List<ConsumerRecord<String, byte[]>> records = events(appId);
    assertThat(records).hasSize(1);
    assertThat(value(records.get(0)).get("type").textValue()).isEqualTo("session_end");
    assertThat(value(records.get(0)).get("reason").textValue()).isEqualTo("goodbye");
  }

  @Test
  void batchWithoutSessionIdStampsNoSessionId() throws Exception {
    String appId = "ingest-no-session";

    HttpResponse<String> response =
        client.postEvents(
            "{\"token\":\"%s\",\"visitor_id\":\"v-server\",\"events\":[{\"type\":\"identify\",\"user_id\":\"crm-1\"}]}"
                .formatted(token(appId)));

    assertThat(response.statusCode()).isEqualTo(202);
    List<ConsumerRecord<String, byte[]>> records = events(appId);
    assertThat(records).hasSize(1);
    assertThat(value(records.get(0)).has("session_id")).isFalse();
    assertThat(value(records.get(0)).get("user_id").textValue()).isEqualTo("crm-1");
  }

  @Test
  void emptyBatchIsAcknowledgedWithNothingWritten() throws Exception {
    String appId = "ingest-empty";

    HttpResponse<String> response = client.postEvents(batch(appId, "v-empty"));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response)).isEqualTo(Json.readTree("{\"accepted\":0,\"rejected\":[]}"));
    assertThat(events(appId)).isEmpty();
  }

  private static String token(String appId) {
    return new AppTokens(KEY).issue(appId, "tok-" + appId, NOW);
  }

  private static String batch(String appId, String visitorId, String... events) {
    return "{\"token\":\"%s\",\"visitor_id\":\"%s\",\"session_id\":\"s-%s\",\"events\":[%s]}"
        .formatted(token(appId), visitorId, visitorId, String.join(",", Arrays.asList(events)));
  }

  private static String expectedIpHash() {
    return new IpAnonymizer(SALT, CLOCK).hash("127.0.0.1");
  }

  private static List<ConsumerRecord<String, byte[]>> events(String appId) {
    return TopicRecords.ofApp(bootstrapServers, Topics.EVENTS, appId);
  }

  private static JsonNode value(ConsumerRecord<String, byte[]> record) {
    return Json.readTree(record.value());
  }

  private static JsonNode deadLetter(String appId, int index, String reason, String rawEvent) {
    return Json.readTree(
        """
        {"app_id": "%s", "visitor_id": "v-mixed", "index": %d, "reason": "%s", "event": %s,
         "received_at": %d}
        """
            .formatted(appId, index, reason, rawEvent, RECEIVED_AT));
  }
}
