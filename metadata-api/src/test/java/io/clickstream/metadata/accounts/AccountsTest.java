package io.clickstream.metadata.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import io.clickstream.metadata.auth.OpaqueTokens;
import io.clickstream.metadata.support.Reply;
import io.clickstream.metadata.support.TestApi;
import io.clickstream.metadata.support.TestUser;
import io.clickstream.platform.auth.AccessTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registration, login, refresh-token rotation and /v1/users/me on a real PostgreSQL. */
class AccountsTest {
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
  void registeringNormalisesTheEmailAndPutsTheUserInTheDomainsOrganisation() throws Exception {
    String local = "Ann.Lee-" + UUID.randomUUID().toString().substring(0, 6);
    Reply reply =
        api.post(
            "/v1/auth/register",
            null,
            Map.of(
                "email",
                "  " + local + "@" + domain.toUpperCase() + " ",
                "password",
                TestApi.PASSWORD,
                "name",
                " Ann Lee "));

    assertThat(reply.status()).isEqualTo(201);
    JsonNode user = reply.json();
    assertThat(user.get("email").asText()).isEqualTo(local.toLowerCase() + "@" + domain);
    assertThat(user.get("name").asText()).isEqualTo("Ann Lee");
    assertThat(user.path("organisation").path("domain").asText()).isEqualTo(domain);
    assertThat(user.has("password_hash")).isFalse();
    assertThat(storedHash(user.get("id").asText())).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
  }

  @Test
  void colleaguesOfOneDomainShareTheOrganisation() {
    TestUser ann = api.newUser("ann", domain);
    TestUser bob = api.newUser("bob", domain);
    String annOrg =
        api.get("/v1/users/me", ann.accessToken()).json().at("/organisation/id").asText();
    String bobOrg =
        api.get("/v1/users/me", bob.accessToken()).json().at("/organisation/id").asText();
    assertThat(annOrg).isEqualTo(bobOrg);
  }

  @Test
  void registeringTheSameAddressTwiceIsAConflictWhateverItsCase() {
    TestUser ann = api.newUser("ann", domain);
    Reply again =
        api.post(
            "/v1/auth/register",
            null,
            Map.of("email", ann.email().toUpperCase(), "password", TestApi.PASSWORD, "name", "A"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("email_taken");
  }

  @Test
  void weakPasswordsAndBadAddressesAreRefusedWithTheFieldNamed() {
    assertThat(register("x@" + domain, "short").json().at("/error/message").asText())
        .isEqualTo("'password' must be at least 10 characters");
    assertThat(register("x@" + domain, "1234567890").json().at("/error/message").asText())
        .isEqualTo("'password' is too common; choose a longer phrase");
    assertThat(register("x@" + domain, "aaaaaaaaaaaaaaa").json().at("/error/message").asText())
        .isEqualTo("'password' must contain at least 5 different characters");
    assertThat(
            register("melanie@" + domain, "melanie-rocks-2024")
                .json()
                .at("/error/message")
                .asText())
        .isEqualTo("'password' must not contain your email address");
    assertThat(register("not-an-email", TestApi.PASSWORD).json().at("/error/message").asText())
        .isEqualTo("'email' is not a valid email address");
    assertThat(register("x@localhost", TestApi.PASSWORD).status()).isEqualTo(400);
  }

  @Test
  void loginReturnsAShortLivedAccessTokenCarryingUserAndOrganisation() throws Exception {
    TestUser ann = api.newUser("ann", domain);
    Reply login =
        api.post("/v1/auth/login", null, Map.of("email", ann.email(), "password", ann.password()));

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().get("expires_in").asLong()).isEqualTo(900);
    assertThat(login.json().get("token_type").asText()).isEqualTo("Bearer");
    assertThat(login.text("refresh_token")).startsWith("csr_");
    SignedJWT jwt = SignedJWT.parse(login.text("access_token"));
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(AccessTokens.keyId(TestApi.JWT_KEY));
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(ann.id());
    assertThat(jwt.getJWTClaimsSet().getStringClaim("org")).isEqualTo(domain);
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("clickstream-api");
    long lifetimeMs =
        jwt.getJWTClaimsSet().getExpirationTime().getTime()
            - jwt.getJWTClaimsSet().getIssueTime().getTime();
    assertThat(lifetimeMs).isEqualTo(900_000);
  }

  @Test
  void aWrongPasswordAndAnUnknownAddressGetTheSameAnswer() {
    TestUser ann = api.newUser("ann", domain);
    Reply wrongPassword =
        api.post(
            "/v1/auth/login", null, Map.of("email", ann.email(), "password", "not my password"));
    Reply unknown =
        api.post(
            "/v1/auth/login",
            null,
            Map.of("email", "nobody@" + domain, "password", "not my password"));

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.body()).isEqualTo(wrongPassword.body());
    assertThat(wrongPassword.body())
        .isEqualTo(
            "{\"error\":{\"code\":\"invalid_credentials\",\"message\":\"The email or password is"
                + " incorrect.\"}}");
  }

  @Test
  void repeatedFailedLoginsAreThrottledPerAddress() {
    TestUser ann = api.newUser("ann", domain);
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      assertThat(
              api.post(
                      "/v1/auth/login",
                      null,
                      Map.of("email", ann.email(), "password", "guess " + i))
                  .status())
          .isEqualTo(401);
    }
    Reply throttled =
        api.post("/v1/auth/login", null, Map.of("email", ann.email(), "password", ann.password()));
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.errorCode()).isEqualTo("too_many_requests");
  }

  @Test
  void refreshRotatesTheTokenAndTheNewAccessTokenWorks() {
    TestUser ann = api.newUser("ann", domain);
    Reply refreshed =
        api.post("/v1/auth/refresh", null, Map.of("refresh_token", ann.refreshToken()));

    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(refreshed.text("refresh_token")).isNotEqualTo(ann.refreshToken()).startsWith("csr_");
    assertThat(api.get("/v1/users/me", refreshed.text("access_token")).status()).isEqualTo(200);
  }

  @Test
  void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
    TestUser ann = api.newUser("ann", domain);
    String second =
        api.post("/v1/auth/refresh", null, Map.of("refresh_token", ann.refreshToken()))
            .text("refresh_token");

    Reply reuse = api.post("/v1/auth/refresh", null, Map.of("refresh_token", ann.refreshToken()));
    assertThat(reuse.status()).isEqualTo(401);
    assertThat(reuse.errorCode()).isEqualTo("refresh_token_reused");
    // The token the legitimate holder got is gone too.
    Reply afterTheft = api.post("/v1/auth/refresh", null, Map.of("refresh_token", second));
    assertThat(afterTheft.status()).isEqualTo(401);
    assertThat(afterTheft.errorCode()).isEqualTo("refresh_token_reused");
  }

  @Test
  void refreshTokensAreStoredOnlyAsTheirHash() throws Exception {
    TestUser ann = api.newUser("ann", domain);
    try (Connection c = connect();
        PreparedStatement statement =
            c.prepareStatement("SELECT count(*) FROM refresh_tokens WHERE token_hash = ?")) {
      statement.setBytes(1, OpaqueTokens.sha256(ann.refreshToken()));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(1);
      }
    }
  }

  @Test
  void logoutEndsTheSession() {
    TestUser ann = api.newUser("ann", domain);
    Reply logout = api.post("/v1/auth/logout", null, Map.of("refresh_token", ann.refreshToken()));
    assertThat(logout.status()).isEqualTo(204);
    assertThat(logout.body()).isEmpty();
    Reply refresh = api.post("/v1/auth/refresh", null, Map.of("refresh_token", ann.refreshToken()));
    assertThat(refresh.status()).isEqualTo(401);
  }

  @Test
  void unknownOrForgedRefreshTokensAreRefused() {
    assertThat(
            api.post("/v1/auth/refresh", null, Map.of("refresh_token", "csr_forged")).errorCode())
        .isEqualTo("invalid_refresh_token");
    assertThat(api.post("/v1/auth/refresh", null, Map.of()).status()).isEqualTo(400);
  }

  @Test
  void meShowsTheAccountAndPatchChangesTheName() {
    TestUser ann = api.newUser("ann", domain);
    Reply me = api.get("/v1/users/me", ann.accessToken());
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.text("email")).isEqualTo(ann.email());

    Reply renamed = api.patch("/v1/users/me", ann.accessToken(), Map.of("name", "Ann B. Lee"));
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.text("name")).isEqualTo("Ann B. Lee");
    assertThat(api.get("/v1/users/me", ann.accessToken()).text("name")).isEqualTo("Ann B. Lee");
  }

  @Test
  void theEmailCannotBeChangedSinceItDecidesTheOrganisation() {
    TestUser ann = api.newUser("ann", domain);
    Reply reply =
        api.patch("/v1/users/me", ann.accessToken(), Map.of("email", "ann@other.example"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("validation_failed");
  }

  @Test
  void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
    TestUser ann = api.newUser("ann", domain);
    String newPassword = "a much better passphrase";
    Reply withoutCurrent =
        api.patch("/v1/users/me", ann.accessToken(), Map.of("password", newPassword));
    assertThat(withoutCurrent.status()).isEqualTo(400);
    Reply wrongCurrent =
        api.patch(
            "/v1/users/me",
            ann.accessToken(),
            Map.of("password", newPassword, "current_password", "wrong wrong wrong"));
    assertThat(wrongCurrent.status()).isEqualTo(400);

    Reply changed =
        api.patch(
            "/v1/users/me",
            ann.accessToken(),
            Map.of("password", newPassword, "current_password", ann.password()));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(
            api.post("/v1/auth/refresh", null, Map.of("refresh_token", ann.refreshToken()))
                .status())
        .isEqualTo(401);
    assertThat(
            api.post(
                    "/v1/auth/login",
                    null,
                    Map.of("email", ann.email(), "password", ann.password()))
                .status())
        .isEqualTo(401);
    assertThat(
            api.post("/v1/auth/login", null, Map.of("email", ann.email(), "password", newPassword))
                .status())
        .isEqualTo(200);
  }

  @Test
  void deletingTheAccountIsRefusedWhileItOwnsAppsAndThenEndsEverySession() {
    TestUser ann = api.newUser("ann", domain);
    String appId = api.post("/v1/apps", ann.accessToken(), Map.of("name", "Shop")).text("id");

    Reply refused = api.delete("/v1/users/me", ann.accessToken());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("owns_apps");

    assertThat(api.delete("/v1/apps/" + appId, ann.accessToken()).status()).isEqualTo(204);
    assertThat(api.delete("/v1/users/me", ann.accessToken()).status()).isEqualTo(204);
    assertThat(api.get("/v1/users/me", ann.accessToken()).status()).isEqualTo(401);
    assertThat(
            api.post(
                    "/v1/auth/login",
                    null,
                    Map.of("email", ann.email(), "password", ann.password()))
                .status())
        .isEqualTo(401);
    assertThat(
            api.post("/v1/auth/refresh", null, Map.of("refresh_token", ann.refreshToken()))
                .status())
        .isEqualTo(401);
  }

  @Test
  void requestsWithoutAValidAccessTokenAreUnauthorised() {
    TestUser ann = api.newUser("ann", domain);
    assertThat(api.get("/v1/users/me", null).status()).isEqualTo(401);
    assertThat(api.get("/v1/users/me", "garbage").status()).isEqualTo(401);
    String tampered = ann.accessToken().substring(0, ann.accessToken().length() - 2) + "xx";
    assertThat(api.get("/v1/users/me", tampered).status()).isEqualTo(401);
    assertThat(api.get("/v1/users/me", null).errorCode()).isEqualTo("unauthorized");
  }

  private static Reply register(String email, String password) {
    return api.post(
        "/v1/auth/register", null, Map.of("email", email, "password", password, "name", "X"));
  }

  private static Connection connect() throws Exception {
    var db = TestApi.database();
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  private static String storedHash(String userId) throws Exception {
    try (Connection c = connect();
        PreparedStatement statement =
            c.prepareStatement("SELECT password_hash FROM users WHERE id = ?::uuid")) {
      statement.setString(1, userId);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }
}
