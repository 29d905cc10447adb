package io.clickstream.collector;

import static io.clickstream.collector.CollectorClient.assertError;
import static io.clickstream.collector.CollectorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clickstream.embedded.TestServices;
import io.clickstream.model.Json;
import io.clickstream.platform.auth.AppTokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * App tokens are checked without a database: signature and expiry locally, the app and revocations
 * from the config topics, whose changes apply within seconds.
 */
class AppAccessTest {
  private static final byte[] KEY =
      "access-test-key-of-32-bytes-ok!!".getBytes(StandardCharsets.UTF_8);
  private static final String PAGEVIEW = "{\"type\":\"pageview\",\"url\":\"https://a.example/\"}";
  private static final Duration APPLIES_WITHIN = Duration.ofSeconds(10);

  private static String bootstrapServers;
  private static CollectorService collector;
  private static CollectorClient client;

  @BeforeAll
  static void startCollector() {
    bootstrapServers = TestServices.get().kafkaBootstrapServers();
    ConfigTopics.publishApps(
        bootstrapServers, "access-known", "access-expiring", "access-revoked", "access-deleted");
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
  void aTokenOfAKnownAppIsAccepted() throws Exception {
    assertThat(post(token("access-known", "tok-known")).statusCode()).isEqualTo(202);
  }

  @Test
  void aWellSignedTokenOfAnAppNotInTheConfigTopicIs401() throws Exception {
    assertUnauthorized(
        post(token("access-never-published", "tok-x")),
        "The app token's app is unknown or was deleted.");
  }

  @Test
  void anExpiredTokenIs401() throws Exception {
    Instant now = Instant.now();
    String expired =
        new AppTokens(KEY)
            .issue("access-expiring", "tok-expired", now.minusSeconds(7200), now.minusSeconds(1));
    String current =
        new AppTokens(KEY)
            .issue("access-expiring", "tok-current", now.minusSeconds(7200), now.plusSeconds(3600));

    assertUnauthorized(post(expired), "The app token is not valid: app token has expired.");
    assertThat(post(current).statusCode()).isEqualTo(202);
  }

  @Test
  void aRevokedTokenIs401WithinSecondsWhileTheAppsOtherTokensWork() throws Exception {
    String revoked = token("access-revoked", "tok-old");
    String rotated = token("access-revoked", "tok-new");
    assertThat(post(revoked).statusCode()).isEqualTo(202);

    ConfigTopics.revoke(bootstrapServers, "access-revoked", "tok-old");

    await()
        .atMost(APPLIES_WITHIN)
        .untilAsserted(() -> assertUnauthorized(post(revoked), "The app token has been revoked."));
    assertThat(post(rotated).statusCode()).isEqualTo(202);
  }

  @Test
  void aDeletedAppsTokensAre401WithinSeconds() throws Exception {
    String token = token("access-deleted", "tok-deleted");
    assertThat(post(token).statusCode()).isEqualTo(202);

    ConfigTopics.delete(bootstrapServers, "access-deleted");

    await()
        .atMost(APPLIES_WITHIN)
        .untilAsserted(
            () ->
                assertUnauthorized(post(token), "The app token's app is unknown or was deleted."));
  }

  @Test
  void anAppCreatedWhileTheCollectorRunsIsAcceptedWithinSeconds() throws Exception {
    String token = token("access-created-later", "tok-later");
    assertThat(post(token).statusCode()).isEqualTo(401);

    ConfigTopics.publishApps(bootstrapServers, "access-created-later");

    await()
        .atMost(APPLIES_WITHIN)
        .untilAsserted(() -> assertThat(post(token).statusCode()).isEqualTo(202));
  }

  @Test
  void aTokenWithoutAnIdCannotBeRevokedAndIs401() throws Exception {
    assertUnauthorized(
        post(new AppTokens(KEY).issue("access-known", null, Instant.now())),
        "The app token has no id and so could not be revoked; issue a new token.");
  }

  @Test
  void aCollectorThatCannotReadItsConfigAnswers503AndIsNotReady() throws Exception {
    // Nothing listens on port 9: the config topics can never be read.
    CollectorSettings unreachable =
        new CollectorSettings(
            "127.0.0.1",
            0,
            "127.0.0.1:9",
            KEY,
            "salt",
            Map.of(),
            java.util.List.of(),
            null,
            CollectorSettings.DEFAULT_PING_INTERVAL,
            Duration.ofSeconds(1),
            Duration.ofMillis(100));
    try (CollectorService blind = new CollectorService(unreachable, Clock.systemUTC()).start()) {
      CollectorClient blindClient = new CollectorClient(blind);

      HttpResponse<String> response =
          blindClient.postEvents(batch(token("access-known", "tok-known")));
      assertError(response, 503, "unavailable");
      assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
      HttpResponse<String> readyz = blindClient.get("/readyz");
      assertThat(readyz.statusCode()).isEqualTo(503);
      assertThat(json(readyz))
          .isEqualTo(
              Json.readTree(
                  "{\"status\":\"not_ready\",\"checks\":{\"kafka\":false,\"config\":false}}"));
      assertThat(blindClient.get("/healthz").statusCode()).isEqualTo(200);
    }
  }

  private static void assertUnauthorized(HttpResponse<String> response, String message) {
    assertError(response, 401, "unauthorized");
    assertThat(json(response).at("/error/message").textValue()).isEqualTo(message);
  }

  private static HttpResponse<String> post(String token) throws Exception {
    return client.postEvents(batch(token));
  }

  private static String batch(String token) {
    return "{\"token\":\"%s\",\"visitor_id\":\"v-1\",\"events\":[%s]}".formatted(token, PAGEVIEW);
  }

  private static String token(String appId, String tokenId) {
    return new AppTokens(KEY).issue(appId, tokenId, Instant.now());
  }
}
