package io.clickstream.metadata.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.metadata.auth.OpaqueTokens;
import io.clickstream.metadata.support.Concurrently;
import io.clickstream.metadata.support.Database;
import io.clickstream.metadata.support.Reply;
import io.clickstream.metadata.support.TestApi;
import io.clickstream.metadata.support.TestUser;
import io.clickstream.platform.auth.AppTokens;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The app token with its snippet and lock, and read API keys. */
class CredentialsTest {
  private static TestApi api;
  private final String domain = TestApi.newDomain();

  @BeforeAll
  static void start() {
    api = TestApi.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void issuingATokenReturnsItsSnippetAndLocksTheConfiguration() {
    TestUser owner = api.newUser("owner", domain);
    String app = app(owner);

    Reply issued = api.post("/v1/apps/" + app + "/token", owner.accessToken(), null);
    assertThat(issued.status()).isEqualTo(201);
    String token = issued.text("token");
    AppTokens.AppToken verified = new AppTokens(TestApi.TOKEN_KEY).verify(token);
    assertThat(verified.appId()).isEqualTo(app);
    assertThat(verified.tokenId()).isEqualTo(issued.text("token_id"));
    assertThat(issued.text("snippet"))
        .isEqualTo(
            "<script async src=\"https://collect.test.example/sdk.js\" data-token=\""
                + token
                + "\"></script>");
    assertThat(
            Database.column(
                "SELECT id FROM app_tokens WHERE app_id = ?::uuid AND revoked_at IS NULL", app))
        .containsExactly(issued.text("token_id"));

    var shown = api.get("/v1/apps/" + app, owner.accessToken()).json();
    assertThat(shown.get("locked").asBoolean()).isTrue();
    assertThat(shown.at("/token/id").asText()).isEqualTo(issued.text("token_id"));
    Reply funnel =
        api.post(
            "/v1/apps/" + app + "/products", owner.accessToken(), Map.of("id", "p1", "name", "P"));
    assertThat(funnel.status()).isEqualTo(423);
    assertThat(funnel.errorCode()).isEqualTo("app_locked");
  }

  @Test
  void issuingAgainRotatesTheTokenAndRevokesTheOldOne() {
    TestUser owner = api.newUser("owner", domain);
    String app = app(owner);
    String first =
        api.post("/v1/apps/" + app + "/token", owner.accessToken(), null).text("token_id");
    Reply second = api.post("/v1/apps/" + app + "/token", owner.accessToken(), null);

    assertThat(second.json().get("revoked_token_ids").get(0).asText()).isEqualTo(first);
    assertThat(
            Database.column(
                "SELECT revoked_at IS NOT NULL FROM app_tokens WHERE id = ?::uuid", first))
        .containsExactly("t");
    assertThat(activeTokens(app)).containsExactly(second.text("token_id"));
    assertThat(outboxKeys("clickstream.config.token-revocations", first)).hasSize(1);
  }

  @Test
  void twoSimultaneousIssuesLeaveExactlyOneActiveToken() throws Exception {
    TestUser owner = api.newUser("owner", domain);
    String app = app(owner);
    List<Reply> replies =
        Concurrently.run(
            4, () -> api.post("/v1/apps/" + app + "/token", owner.accessToken(), null));

    assertThat(replies).extracting(Reply::status).containsExactly(201, 201, 201, 201);
    List<String> active = activeTokens(app);
    assertThat(active).hasSize(1);
    assertThat(Database.column("SELECT count(*) FROM app_tokens WHERE app_id = ?::uuid", app))
        .containsExactly("4");
    // Every token but the active one was revoked, and each revocation was published once.
    for (Reply reply : replies) {
      String id = reply.text("token_id");
      assertThat(outboxKeys("clickstream.config.token-revocations", id))
          .hasSize(id.equals(active.get(0)) ? 0 : 1);
    }
  }

  @Test
  void revokingTheTokenUnlocksAndPublishesTheRevocation() {
    TestUser owner = api.newUser("owner", domain);
    String app = app(owner);
    String token =
        api.post("/v1/apps/" + app + "/token", owner.accessToken(), null).text("token_id");

    assertThat(api.delete("/v1/apps/" + app + "/token", owner.accessToken()).status())
        .isEqualTo(204);
    assertThat(activeTokens(app)).isEmpty();
    assertThat(outboxKeys("clickstream.config.token-revocations", token)).hasSize(1);
    assertThat(api.get("/v1/apps/" + app, owner.accessToken()).json().get("locked").asBoolean())
        .isFalse();
    Reply none = api.delete("/v1/apps/" + app + "/token", owner.accessToken());
    assertThat(none.status()).isEqualTo(404);
  }

  @Test
  void unlockingReopensConfigurationAndKeepsTheToken() {
    TestUser owner = api.newUser("owner", domain);
    String app = app(owner);
    String token =
        api.post("/v1/apps/" + app + "/token", owner.accessToken(), null).text("token_id");

    Reply unlocked = api.post("/v1/apps/" + app + "/unlock", owner.accessToken(), null);
    assertThat(unlocked.status()).isEqualTo(200);
    assertThat(unlocked.body()).isEqualTo("{\"app_id\":\"" + app + "\",\"locked\":false}");
    assertThat(activeTokens(app)).containsExactly(token);
    assertThat(
            api.post(
                    "/v1/apps/" + app + "/products",
                    owner.accessToken(),
                    Map.of("id", "p1", "name", "P"))
                .status())
        .isEqualTo(201);
  }

  @Test
  void apiKeysAreShownOnceAndStoredAsTheirSha256() {
    TestUser owner = api.newUser("owner", domain);
    String app = app(owner);
    Reply created =
        api.post("/v1/apps/" + app + "/api-keys", owner.accessToken(), Map.of("name", "Grafana"));

    assertThat(created.status()).isEqualTo(201);
    String key = created.text("key");
    assertThat(key).startsWith("csk_").hasSize(47);
    assertThat(created.text("prefix")).isEqualTo(key.substring(0, 12));
    assertThat(
            Database.column(
                "SELECT encode(key_hash, 'hex') FROM api_keys WHERE id = ?::uuid",
                created.text("id")))
        .containsExactly(HexFormat.of().formatHex(OpaqueTokens.sha256(key)));

    var listed = api.get("/v1/apps/" + app + "/api-keys", owner.accessToken()).json().get("items");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("name").asText()).isEqualTo("Grafana");
    assertThat(listed.get(0).has("key")).isFalse();
    assertThat(listed.get(0).get("prefix").asText()).isEqualTo(key.substring(0, 12));
  }

  @Test
  void apiKeysCanBeRevokedOneByOneOrAllAtOnce() {
    TestUser owner = api.newUser("owner", domain);
    String app = app(owner);
    String first = api.post("/v1/apps/" + app + "/api-keys", owner.accessToken(), null).text("id");
    api.post("/v1/apps/" + app + "/api-keys", owner.accessToken(), Map.of("name", "b"));
    api.post("/v1/apps/" + app + "/api-keys", owner.accessToken(), Map.of("name", "c"));

    assertThat(api.delete("/v1/apps/" + app + "/api-keys/" + first, owner.accessToken()).status())
        .isEqualTo(204);
    assertThat(api.get("/v1/apps/" + app + "/api-keys", owner.accessToken()).json().get("items"))
        .hasSize(2);
    assertThat(api.delete("/v1/apps/" + app + "/api-keys/" + first, owner.accessToken()).status())
        .isEqualTo(404);
    assertThat(api.delete("/v1/apps/" + app + "/api-keys", owner.accessToken()).status())
        .isEqualTo(204);
    assertThat(api.get("/v1/apps/" + app + "/api-keys", owner.accessToken()).json().get("items"))
        .isEmpty();
    assertThat(
            api.delete("/v1/apps/" + app + "/api-keys/" + UUID.randomUUID(), owner.accessToken())
                .status())
        .isEqualTo(404);
  }

  private static String app(TestUser owner) {
    return TestApi.require(api.post("/v1/apps", owner.accessToken(), Map.of("name", "Shop")), 201)
        .text("id");
  }

  private static List<String> activeTokens(String app) {
    return Database.column(
        "SELECT id FROM app_tokens WHERE app_id = ?::uuid AND revoked_at IS NULL", app);
  }

  private static List<String> outboxKeys(String topic, String key) {
    return Database.column("SELECT id FROM outbox WHERE topic = ? AND record_key = ?", topic, key);
  }
}
