package io.clickstream.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clickstream.platform.auth.AccessTokens;
import io.clickstream.platform.auth.Principal;
import io.clickstream.query.support.Accounts;
import io.clickstream.query.support.Accounts.User;
import io.clickstream.query.support.AppRoutes;
import io.clickstream.query.support.Http;
import io.clickstream.query.support.QueryApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may read an app's metrics, decided exactly as the metadata API decides (DESIGN §6): users and
 * apps are made through the real metadata API; the query API reads its PostgreSQL.
 */
class AuthorizationTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:30:00Z");

  private static QueryApiService uncached;
  private static QueryApiService longCache;
  private static String domain;
  private static User owner;
  private static User editor;
  private static User viewer;
  private static User colleague;
  private static User stranger;
  private static String privateApp;
  private static String publicApp;

  @BeforeAll
  static void start() {
    domain = Accounts.newDomain();
    owner = Accounts.newUser("owner", domain);
    editor = Accounts.newUser("editor", domain);
    viewer = Accounts.newUser("viewer", domain);
    colleague = Accounts.newUser("colleague", domain);
    stranger = Accounts.newUser("stranger", Accounts.newDomain());
    privateApp = Accounts.newApp(owner, false);
    publicApp = Accounts.newApp(owner, true);
    Accounts.addMember(owner, privateApp, editor, "editor");
    Accounts.addMember(owner, privateApp, viewer, "viewer");
    uncached = QueryApi.start(NOW, s -> s.withAccessCacheTtl(Duration.ZERO));
    longCache = QueryApi.startWithLongCache(NOW);
  }

  @AfterAll
  static void stop() {
    uncached.close();
    longCache.close();
  }

  @Test
  void ownerEditorAndViewerReadAPrivateApp() {
    for (User user : new User[] {owner, editor, viewer}) {
      assertThat(status(uncached, privateApp, user.token())).as(user.email()).isEqualTo(200);
    }
  }

  @Test
  void aPublicAppIsReadableByEveryoneOfItsOrganisationOnly() {
    assertThat(status(uncached, publicApp, colleague.token())).isEqualTo(200);
    assertThat(status(uncached, publicApp, stranger.token())).isEqualTo(404);
  }

  @Test
  void appsOneMayNotReadDoNotExist() {
    assertNotFound(uncached, privateApp, colleague.token());
    assertNotFound(uncached, privateApp, stranger.token());
    assertNotFound(uncached, UUID.randomUUID().toString(), owner.token());
    assertNotFound(uncached, "not-a-uuid", owner.token());
  }

  @Test
  void missingInvalidAndExpiredTokensAre401WithAChallenge() {
    Http.Reply anonymous = Http.get(uncached.url() + "/v1/apps/" + privateApp + "/overview", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"clickstream\"");
    assertThat(anonymous.json().path("error").path("code").asText()).isEqualTo("unauthorized");
    // Even for an app that does not exist: who asks comes first.
    assertThat(status(uncached, UUID.randomUUID().toString(), null)).isEqualTo(401);

    Http.Reply forged =
        Http.get(uncached.url() + "/v1/apps/" + privateApp + "/overview", "e30.e30.x");
    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.header("WWW-Authenticate"))
        .isEqualTo("Bearer realm=\"clickstream\", error=\"invalid_token\"");

    Principal principal =
        new Principal(UUID.fromString(owner.id()), UUID.randomUUID(), domain, owner.email());
    String expired =
        new AccessTokens(
                Accounts.JWT_KEY,
                Duration.ofMinutes(15),
                Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC))
            .issue(principal);
    assertThat(status(uncached, privateApp, expired)).isEqualTo(401);
    String otherKey =
        new AccessTokens(
                "another-key-of-at-least-32-bytes-0123456789"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Duration.ofMinutes(15),
                Clock.systemUTC())
            .issue(principal);
    assertThat(status(uncached, privateApp, otherKey)).isEqualTo(401);
  }

  @Test
  void aDeletedUsersTokenStopsWorking() {
    User leaving = Accounts.newUser("leaving", domain);
    assertThat(status(uncached, publicApp, leaving.token())).isEqualTo(200);
    Accounts.require(Accounts.call("DELETE", "/v1/users/me", leaving, null), 204);
    assertThat(status(uncached, publicApp, leaving.token())).isEqualTo(401);
  }

  @Test
  void anApiKeyReadsItsOwnAppOnlyUntilRevoked() {
    String[] key = Accounts.newApiKey(owner, privateApp);
    assertThat(status(uncached, privateApp, key[1])).isEqualTo(200);
    assertThat(status(uncached, publicApp, key[1])).isEqualTo(404);
    // The app comes from the path; a query parameter of the same name changes nothing.
    assertThat(
            Http.get(
                    uncached.url() + "/v1/apps/" + privateApp + "/overview?appId=" + publicApp,
                    key[1])
                .status())
        .isEqualTo(200);
    assertThat(
            Http.get(
                    uncached.url() + "/v1/apps/" + publicApp + "/overview?appId=" + privateApp,
                    key[1])
                .status())
        .isEqualTo(404);
    assertThat(status(uncached, privateApp, "csk_unknown")).isEqualTo(401);
    Accounts.require(
        Accounts.call("DELETE", "/v1/apps/" + privateApp + "/api-keys/" + key[0], owner, null),
        204);
    assertThat(status(uncached, privateApp, key[1])).isEqualTo(401);
  }

  @Test
  void removingAMemberEndsTheirAccess() {
    User leaving = Accounts.newUser("member", domain);
    Accounts.addMember(owner, privateApp, leaving, "viewer");
    assertThat(status(uncached, privateApp, leaving.token())).isEqualTo(200);
    Accounts.require(
        Accounts.call("DELETE", "/v1/apps/" + privateApp + "/members/" + leaving.id(), owner, null),
        204);
    assertThat(status(uncached, privateApp, leaving.token())).isEqualTo(404);
  }

  @Test
  void makingAnAppPublicReachesACachedDecisionThroughTheConfigTopic() {
    String app = Accounts.newApp(owner, false);
    // The decision is cached for 10 minutes: only the config topic can change it in time.
    assertThat(status(longCache, app, colleague.token())).isEqualTo(404);
    Accounts.require(Accounts.call("PATCH", "/v1/apps/" + app, owner, Map.of("public", true)), 200);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> status(longCache, app, colleague.token()) == 200);
    Accounts.require(Accounts.call("DELETE", "/v1/apps/" + app, owner, null), 204);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> status(longCache, app, owner.token()) == 404);
  }

  @Test
  void everyAppRouteIsGuarded() {
    for (String path : AppRoutes.SIMPLE) {
      Http.Reply reply = Http.get(uncached.url() + "/v1/apps/" + privateApp + path, null);
      assertThat(reply.status()).as(path).isEqualTo(401);
      assertThat(
              Http.get(uncached.url() + "/v1/apps/" + privateApp + path, stranger.token()).status())
          .as(path)
          .isEqualTo(404);
    }
  }

  private static int status(QueryApiService service, String app, String token) {
    return Http.get(service.url() + "/v1/apps/" + app + "/overview", token).status();
  }

  private static void assertNotFound(QueryApiService service, String app, String token) {
    Http.Reply reply = Http.get(service.url() + "/v1/apps/" + app + "/overview", token);
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().path("error").path("code").asText()).isEqualTo("not_found");
  }
}
