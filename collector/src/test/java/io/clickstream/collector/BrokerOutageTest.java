package io.clickstream.collector;

import static io.clickstream.collector.CollectorClient.assertError;
import static io.clickstream.collector.CollectorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.embedded.EmbeddedKafka;
import io.clickstream.model.Json;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.kafka.TopicInitializer;
import io.clickstream.platform.kafka.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kafka goes away in the middle of traffic and comes back. Requests get 503 with Retry-After within
 * a bounded time, the collector recovers by itself, and every event it acknowledged is in Kafka
 * exactly once. The broker is this test's own (the shared one must stay up), restarted on the same
 * ports and data directory.
 */
class BrokerOutageTest {
  private static final byte[] KEY =
      "outage-test-key-of-32-bytes-ok!!".getBytes(StandardCharsets.UTF_8);
  private static final String APP = "outage";
  private static final int EVENTS_PER_BATCH = 5;

  private final Path dataDir =
      Path.of("target", "broker-outage-test", UUID.randomUUID().toString(), "kafka");
  private EmbeddedKafka kafka;
  private CollectorService collector;
  private Sender sender;

  @AfterEach
  void stopEverything() throws Exception {
    if (sender != null) {
      sender.finish();
    }
    if (collector != null) {
      collector.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void whileKafkaIsDownRequestsGet503AndEveryAcknowledgedEventIsStoredExactlyOnce()
      throws Exception {
    kafka = new EmbeddedKafka(dataDir, 0, 0);
    kafka.start();
    int port = kafka.port();
    int controllerPort = kafka.controllerPort();
    String bootstrapServers = kafka.bootstrapServers();
    TopicInitializer.initialize(bootstrapServers, (short) 1, Topics.all(1));
    ConfigTopics.publishApps(bootstrapServers, APP);
    // Short producer timeouts, so that the outage shows within seconds.
    collector =
        new CollectorService(
                new CollectorSettings(
                    "127.0.0.1",
                    0,
                    bootstrapServers,
                    KEY,
                    "salt",
                    Map.of(
                        "max.block.ms", "1000",
                        "request.timeout.ms", "1000",
                        "delivery.timeout.ms", "2000")),
                Clock.systemUTC())
            .start();
    CollectorClient client = new CollectorClient(collector);
    String token = new AppTokens(KEY).issue(APP, "tok-outage", Instant.now());
    JsonNode hello =
        client.hello(
            "{\"token\":\"%s\",\"visitor_id\":\"v-socket\",\"url\":\"https://a.example/\"}"
                .formatted(token));
    WsClient socket = WsClient.connect(hello.get("ws_url").textValue());
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    assertThat(sendFrame(socket, acknowledged).get("ack").intValue()).isEqualTo(1);

    sender = new Sender(client, token, acknowledged);
    sender.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> sender.accepted.get() >= 5);

    kafka.close();

    await().atMost(Duration.ofSeconds(60)).until(() -> sender.unavailable.get() >= 2);
    assertThat(sender.unexpected).isEmpty();
    JsonNode refusedFrame = sendFrame(socket, Collections.newSetFromMap(new ConcurrentHashMap<>()));
    assertThat(refusedFrame)
        .isEqualTo(
            Json.readTree(
                """
                {"error": {"code": "unavailable",
                 "message": "The frame's events could not be stored right now; send it again."},
                 "retry_after": 5}
                """));
    HttpResponse<String> notReady = client.get("/readyz");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(json(notReady).at("/checks/kafka").booleanValue()).isFalse();
    assertThat(json(notReady).at("/checks/config").booleanValue()).isTrue();

    kafka = new EmbeddedKafka(dataDir, port, controllerPort);
    kafka.start();

    int acceptedBeforeRecovery = sender.accepted.get();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> sender.accepted.get() >= acceptedBeforeRecovery + 5);
    sender.finish();
    assertThat(sendFrame(socket, acknowledged).get("ack").intValue()).isEqualTo(1);
    socket.close();
    assertThat(sender.unexpected).isEmpty();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(client.get("/readyz").statusCode()).isEqualTo(200));

    Map<String, Long> stored =
        TopicRecords.ofApp(bootstrapServers, Topics.EVENTS, APP).stream()
            .map(r -> Json.readTree(r.value()).get("id").textValue())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(10 * EVENTS_PER_BATCH + 2);
    assertThat(acknowledged).allSatisfy(id -> assertThat(stored.get(id)).as(id).isEqualTo(1L));
  }

  /** One pageview in one frame; its id joins {@code acknowledged} when the frame is acked. */
  private static JsonNode sendFrame(WsClient socket, Set<String> acknowledged) throws Exception {
    String id = UUID.randomUUID().toString();
    socket.send(
        "{\"id\":\"%s\",\"type\":\"pageview\",\"url\":\"https://a.example/\"}".formatted(id));
    JsonNode reply = socket.next();
    if (reply.has("ack")) {
      acknowledged.add(id);
    }
    return reply;
  }

  /** Sends batches of fresh events one after another and keeps count of the answers. */
  private static final class Sender extends Thread {
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final CollectorClient client;
    private final String token;
    private final Set<String> acknowledged;
    private volatile boolean running = true;

    Sender(CollectorClient client, String token, Set<String> acknowledged) {
      super("outage-sender");
      this.client = client;
      this.token = token;
      this.acknowledged = acknowledged;
    }

    @Override
    public void run() {
      while (running) {
        List<String> ids = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < EVENTS_PER_BATCH; i++) {
          String id = UUID.randomUUID().toString();
          ids.add(id);
          events.add(
              "{\"id\":\"%s\",\"type\":\"pageview\",\"url\":\"https://a.example/\"}".formatted(id));
        }
        try {
          HttpResponse<String> response =
              client.postEvents(
                  "{\"token\":\"%s\",\"visitor_id\":\"v-http\",\"events\":[%s]}"
                      .formatted(token, String.join(",", events)));
          if (response.statusCode() == 202) {
            assertThat(json(response).get("accepted").intValue()).isEqualTo(EVENTS_PER_BATCH);
            acknowledged.addAll(ids);
            accepted.incrementAndGet();
          } else {
            assertError(response, 503, "unavailable");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            unavailable.incrementAndGet();
          }
        } catch (Exception | AssertionError e) {
          unexpected.add(e.toString());
        }
      }
    }

    void finish() throws InterruptedException {
      running = false;
      join(30_000);
    }
  }
}
