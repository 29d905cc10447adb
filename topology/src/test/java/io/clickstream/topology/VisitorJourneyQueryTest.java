package io.clickstream.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.embedded.Infrastructure;
import io.clickstream.embedded.TestServices;
import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.model.Json;
import io.clickstream.platform.http.HttpService;
import io.clickstream.platform.metrics.Metrics;
import io.clickstream.topology.visitor.JourneyEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * Interactive queries across instances on the real broker: two topology instances of one
 * application in one JVM (separate state dirs); each answers for visitors the other owns by
 * forwarding, and while ownership moves the answer is a 503 or the whole journey, never less.
 */
class VisitorJourneyQueryTest {
  private static final int VISITORS = 12;

  private final Infrastructure services = TestServices.get();
  private final String app = "iq-" + UUID.randomUUID().toString().substring(0, 8);
  private final String applicationId = "topology-iq-" + app;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void eitherInstanceAnswersForAVisitorTheOtherOwnsAndAFailoverNeverAnswersEmpty()
      throws Exception {
    long now = System.currentTimeMillis();
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < VISITORS; i++) {
      events.add(pageview("v" + i, "https://iq.example/a", now));
      events.add(pageview("v" + i, "https://iq.example/b", now + 1_000));
    }
    BrokerEvents.produce(events);

    TopologyService first = start("a");
    TopologyService second = start("b");
    try {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> allComplete(first) && allComplete(second));

      // Every visitor is served by its one owner, whichever instance was asked.
      Set<String> servers = new HashSet<>();
      for (int i = 0; i < VISITORS; i++) {
        HttpResponse<String> viaFirst = get(first, "v" + i);
        HttpResponse<String> viaSecond = get(second, "v" + i);
        String owner =
            viaFirst.headers().firstValue(JourneyEndpoint.SERVED_BY_HEADER).orElseThrow();
        assertThat(viaSecond.headers().firstValue(JourneyEndpoint.SERVED_BY_HEADER))
            .contains(owner);
        assertThat(Json.readTree(viaSecond.body())).isEqualTo(Json.readTree(viaFirst.body()));
        servers.add(owner);
      }
      assertThat(servers).containsExactlyInAnyOrder(hostPort(first), hostPort(second));
    } finally {
      second.close();
    }

    // The survivor takes the second's partitions over: until it can answer from restored stores,
    // it says 503 (retry), and once it answers, the journey is whole. The second does not leave
    // the group on close, so for a session timeout the survivor still sends some visitors to it.
    AtomicInteger unavailable = new AtomicInteger();
    try {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                boolean all = true;
                for (int i = 0; i < VISITORS; i++) {
                  HttpResponse<String> response = get(first, "v" + i);
                  if (response.statusCode() == 503) {
                    assertThat(response.headers().firstValue("Retry-After")).contains("1");
                    assertThat(Json.readTree(response.body()).path("error").path("code").asText())
                        .isEqualTo("unavailable");
                    unavailable.incrementAndGet();
                    all = false;
                    continue;
                  }
                  assertThat(response.statusCode()).isEqualTo(200);
                  assertThat(isComplete(response, "v" + i)).as(response.body()).isTrue();
                  assertThat(response.headers().firstValue(JourneyEndpoint.SERVED_BY_HEADER))
                      .contains(hostPort(first));
                }
                return all;
              });
      assertThat(unavailable).hasPositiveValue();
    } finally {
      first.close();
    }
  }

  @Test
  void anInstanceWhoseStreamsAreNotRunningAnswers503WithRetryAfter() throws Exception {
    try (HttpService service =
        HttpService.builder("journey-test", Metrics.newRegistry("journey-test"))
            .listen("127.0.0.1", 0)
            .get(JourneyEndpoint.PATH, new JourneyEndpoint())
            .build()
            .start()) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(service.url() + "/internal/v1/apps/a/visitors/v/journey"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).contains("1");
      assertThat(Json.readTree(response.body()).path("error").path("code").asText())
          .isEqualTo("unavailable");
    }
  }

  private boolean allComplete(TopologyService instance) throws Exception {
    for (int i = 0; i < VISITORS; i++) {
      HttpResponse<String> response = get(instance, "v" + i);
      if (response.statusCode() != 200 || !isComplete(response, "v" + i)) {
        return false;
      }
    }
    return true;
  }

  /** One session of the visitor with both pageviews, in time order. */
  private static boolean isComplete(HttpResponse<String> response, String visitor) {
    JsonNode journey = Json.readTree(response.body());
    JsonNode sessions = journey.path("sessions");
    return journey.path("visitor_id").asText().equals(visitor)
        && sessions.size() == 1
        && sessions.get(0).path("events").size() == 2
        && sessions.get(0).path("events").get(0).path("url").asText().endsWith("/a")
        && sessions.get(0).path("events").get(1).path("url").asText().endsWith("/b");
  }

  private HttpResponse<String> get(TopologyService instance, String visitor) throws Exception {
    URI uri =
        URI.create(
            instance.url() + "/internal/v1/apps/" + app + "/visitors/" + visitor + "/journey");
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String hostPort(TopologyService instance) {
    return URI.create(instance.url()).getAuthority();
  }

  private TopologyService start(String name) {
    TopologyService topology =
        new TopologyService(
            new TopologySettings(
                applicationId,
                services.kafkaBootstrapServers(),
                services.redisUrl(),
                Path.of("target", "streams-state", applicationId + "-" + name),
                "127.0.0.1",
                0,
                1,
                Duration.ofMillis(100),
                false,
                Map.of(
                    // A new instance takes its share of tasks at once, without warm-up replicas.
                    StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG,
                    "1000000000",
                    // A closed instance does not leave the group: the survivor notices in 6 s.
                    StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                    "6000",
                    StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                    "1000")),
            () -> {});
    return topology.start();
  }

  private Event pageview(String visitor, String url, long ts) {
    return BrokerEvents.event(app, EventType.PAGEVIEW, visitor, ts).url(url).build();
  }
}
