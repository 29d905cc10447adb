package io.clickstream.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.collector.WsClient.Close;
import io.clickstream.embedded.TestServices;
import io.clickstream.model.Json;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.kafka.Topics;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stopping a collector: sockets get a proper close and their sessions an end, nothing is lost. */
class GracefulShutdownTest {
  private static final byte[] KEY =
      "shutdown-test-key-of-32-bytes!!!".getBytes(StandardCharsets.UTF_8);
  private static final String APP = "shutdown-app";

  @Test
  void closingTheCollectorClosesEverySocketWith1001AndEndsItsSessionAsInterrupted()
      throws Exception {
    String bootstrapServers = TestServices.get().kafkaBootstrapServers();
    ConfigTopics.publishApps(bootstrapServers, APP);
    CollectorService collector =
        new CollectorService(
                new CollectorSettings("127.0.0.1", 0, bootstrapServers, KEY, "salt", Map.of()),
                Clock.systemUTC())
            .start();
    CollectorClient client = new CollectorClient(collector);
    String token = new AppTokens(KEY).issue(APP, "tok-shutdown", Instant.now());
    JsonNode firstHello = hello(client, token, "v-first");
    JsonNode secondHello = hello(client, token, "v-second");
    WsClient first = WsClient.connect(firstHello.get("ws_url").textValue());
    WsClient second = WsClient.connect(secondHello.get("ws_url").textValue());
    first.send("{\"type\":\"pageview\",\"url\":\"https://a.example/\"}");
    assertThat(first.next().get("ack").intValue()).isEqualTo(1);

    collector.close();

    assertThat(first.awaitClose()).isEqualTo(new Close(1001, "server shutting down"));
    assertThat(second.awaitClose()).isEqualTo(new Close(1001, "server shutting down"));
    // close() returns after the producer flushed: the session ends are in Kafka already.
    List<JsonNode> sessionEnds =
        TopicRecords.ofApp(bootstrapServers, Topics.EVENTS, APP).stream()
            .map(r -> Json.readTree(r.value()))
            .filter(e -> e.get("type").textValue().equals("session_end"))
            .toList();
    assertThat(sessionEnds)
        .extracting(e -> e.get("session_id").textValue() + " " + e.get("reason").textValue())
        .containsExactlyInAnyOrder(
            firstHello.get("session_id").textValue() + " interrupted",
            secondHello.get("session_id").textValue() + " interrupted");
    assertThatThrownBy(() -> client.get("/healthz")).isInstanceOf(ConnectException.class);
  }

  private static JsonNode hello(CollectorClient client, String token, String visitorId)
      throws Exception {
    return client.hello(
        "{\"token\":\"%s\",\"visitor_id\":\"%s\",\"url\":\"https://a.example/\"}"
            .formatted(token, visitorId));
  }
}
