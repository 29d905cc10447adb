package io.clickstream.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.query.support.Accounts;
import io.clickstream.query.support.Mirror;
import io.clickstream.query.support.QueryApi;
import io.clickstream.query.support.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /stream}: live figures as Server-Sent Events, driven by the topology's pub/sub notice. */
class StreamTest {
  private static QueryApiService service;
  private static Mirror mirror;
  private static Accounts.User owner;

  @BeforeAll
  static void start() {
    owner = Accounts.newUser("owner", Accounts.newDomain());
    service =
        QueryApi.start(
            Instant.parse("2026-11-22T12:30:00Z"),
            s -> s.withStreamHeartbeat(Duration.ofMillis(300)));
    mirror = new Mirror();
  }

  @AfterAll
  static void stop() {
    service.close();
    mirror.close();
  }

  @Test
  void aSubscriberGetsTheFiguresAtOnceThenEachChangeAtMostOncePerSecond() throws Exception {
    String app = Accounts.newApp(owner, false);
    setLive(app, 1, 2);
    try (SseClient client = open(app)) {
      assertThat(client.status()).isEqualTo(200);
      assertThat(client.nextEvent()).isEqualTo("{\"active_visitors\":1,\"events_last_minute\":2}");
      setLive(app, 5, 9);
      assertThat(client.nextEvent()).isEqualTo("{\"active_visitors\":5,\"events_last_minute\":9}");
      // A burst of 20 changes: the stream coalesces them and ends on the latest figures.
      for (int i = 1; i <= 20; i++) {
        setLive(app, 100 + i, 9);
      }
      List<String> events = new ArrayList<>();
      do {
        events.add(client.nextEvent());
      } while (!events
          .get(events.size() - 1)
          .equals("{\"active_visitors\":120,\"events_last_minute\":9}"));
      assertThat(events.size()).as(events.toString()).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void idleStreamsGetHeartbeatComments() throws Exception {
    String app = Accounts.newApp(owner, false);
    try (SseClient client = open(app)) {
      client.nextEvent();
      client.awaitComment();
      client.awaitComment();
    }
  }

  @Test
  void aThousandSubscribersEachGetTheChangeAndLeaveNothingBehind() throws Exception {
    String app = Accounts.newApp(owner, false);
    setLive(app, 0, 0);
    List<SseClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 1000; i++) {
        clients.add(open(app));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> service.streamConnections(app) == 1000);
      for (SseClient client : clients) {
        assertThat(client.nextEvent())
            .isEqualTo("{\"active_visitors\":0,\"events_last_minute\":0}");
      }
      setLive(app, 42, 7);
      for (SseClient client : clients) {
        assertThat(client.nextEvent())
            .isEqualTo("{\"active_visitors\":42,\"events_last_minute\":7}");
      }
    } finally {
      for (SseClient client : clients) {
        client.close();
      }
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> service.streamConnections(app) == 0);
  }

  @Test
  void streamsNeedACredentialAndAReadableApp() throws Exception {
    String app = Accounts.newApp(owner, false);
    try (SseClient anonymous = new SseClient(service.url() + "/v1/apps/" + app + "/stream", null)) {
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.rest()).contains("\"code\":\"unauthorized\"");
    }
    Accounts.User stranger = Accounts.newUser("stranger", Accounts.newDomain());
    try (SseClient other =
        new SseClient(service.url() + "/v1/apps/" + app + "/stream", stranger.token())) {
      assertThat(other.status()).isEqualTo(404);
    }
    assertThat(service.streamConnections(app)).isZero();
  }

  private static SseClient open(String app) throws Exception {
    return new SseClient(service.url() + "/v1/apps/" + app + "/stream", owner.token());
  }

  /** What the topology's mirror does: write the live hash, then publish on the app's channel. */
  private static void setLive(String app, long active, long lastMinute) {
    mirror
        .redis()
        .hset(
            RedisKeys.live(app),
            Map.of(
                "active_visitors", String.valueOf(active),
                "events_last_minute", String.valueOf(lastMinute)));
    mirror.redis().publish(RedisKeys.liveChannel(app), "changed");
  }
}
