package io.clickstream.query.support;

import io.clickstream.embedded.Infrastructure;
import io.clickstream.embedded.TestServices;
import io.clickstream.metadata.MetadataApiService;
import io.clickstream.metadata.MetadataApiSettings;
import io.clickstream.platform.config.DatabaseUrl;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The real metadata API on the test JVM's PostgreSQL and Kafka, started once, making the users,
 * apps, memberships and API keys whose rules the query API must apply.
 */
public final class Accounts {
  public static final byte[] JWT_KEY =
      "query-api-test-jwt-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final byte[] TOKEN_KEY =
      "query-api-test-token-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final String PASSWORD = "correct horse battery staple";

  private static MetadataApiService metadataApi;

  private Accounts() {}

  /** A signed-in user. */
  public record User(String id, String email, String token) {}

  public static synchronized String metadataUrl() {
    if (metadataApi == null) {
      Infrastructure services = TestServices.get();
      metadataApi =
          new MetadataApiService(
                  MetadataApiSettings.of(
                      "127.0.0.1",
                      0,
                      DatabaseUrl.parse(services.databaseUrl()),
                      services.kafkaBootstrapServers(),
                      JWT_KEY,
                      TOKEN_KEY))
              .start();
    }
    return metadataApi.url();
  }

  public static DatabaseUrl database() {
    metadataUrl(); // the schema exists once the metadata API has started
    return DatabaseUrl.parse(TestServices.get().databaseUrl());
  }

  /** An organisation domain no other test uses. */
  public static String newDomain() {
    return "org-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
  }

  public static User newUser(String name, String domain) {
    String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
    Http.Reply registered =
        require(
            post(
                "/v1/auth/register",
                null,
                Map.of("email", email, "password", PASSWORD, "name", name)),
            201);
    Http.Reply login =
        require(post("/v1/auth/login", null, Map.of("email", email, "password", PASSWORD)), 200);
    return new User(registered.text("id"), email, login.text("access_token"));
  }

  public static String newApp(User owner, boolean isPublic) {
    return require(post("/v1/apps", owner.token(), Map.of("name", "Shop", "public", isPublic)), 201)
        .text("id");
  }

  /** Invites {@code member} with {@code role} and has them accept. */
  public static void addMember(User owner, String appId, User member, String role) {
    String invitation =
        require(
                post(
                    "/v1/apps/" + appId + "/members",
                    owner.token(),
                    Map.of("email", member.email(), "role", role)),
                201)
            .text("id");
    require(post("/v1/invitations/" + invitation + "/accept", member.token(), Map.of()), 200);
  }

  /** A new read API key: {@code [id, key]}. */
  public static String[] newApiKey(User owner, String appId) {
    Http.Reply reply =
        require(post("/v1/apps/" + appId + "/api-keys", owner.token(), Map.of("name", "ci")), 201);
    return new String[] {reply.text("id"), reply.text("key")};
  }

  public static Http.Reply call(String method, String path, User user, Object body) {
    return Http.send(method, metadataUrl() + path, user == null ? null : user.token(), body);
  }

  public static Http.Reply require(Http.Reply reply, int status) {
    if (reply.status() != status) {
      throw new AssertionError("expected " + status + " but got " + reply);
    }
    return reply;
  }

  private static Http.Reply post(String path, String token, Object body) {
    return Http.send("POST", metadataUrl() + path, token, body);
  }
}
