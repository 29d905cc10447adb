package io.clickstream.metadata.support;

import io.clickstream.embedded.Infrastructure;
import io.clickstream.embedded.TestServices;
import io.clickstream.metadata.MetadataApiService;
import io.clickstream.metadata.MetadataApiSettings;
import io.clickstream.model.Json;
import io.clickstream.platform.config.DatabaseUrl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A metadata API on the test JVM's real PostgreSQL and Kafka ({@link TestServices}), one per test
 * class, with an HTTP client for it. Users are made with unique addresses, so tests never collide.
 */
public final class TestApi implements AutoCloseable {
  public static final byte[] JWT_KEY =
      "test-jwt-key-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8);
  public static final byte[] TOKEN_KEY =
      "test-app-token-key-0123456789abcdef01234".getBytes(StandardCharsets.UTF_8);
  public static final String COLLECTOR_URL = "https://collect.test.example";
  public static final String PASSWORD = "correct horse battery staple";

  private final MetadataApiService service;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestApi(MetadataApiService service) {
    this.service = service;
  }

  public static TestApi start() {
    return start(s -> s);
  }

  public static TestApi start(UnaryOperator<MetadataApiSettings> customise) {
    return new TestApi(new MetadataApiService(customise.apply(settings())).start());
  }

  public static MetadataApiSettings settings() {
    Infrastructure services = TestServices.get();
    return MetadataApiSettings.of(
            "127.0.0.1", 0, database(), services.kafkaBootstrapServers(), JWT_KEY, TOKEN_KEY)
        .withCollectorPublicUrl(COLLECTOR_URL);
  }

  public static DatabaseUrl database() {
    return DatabaseUrl.parse(TestServices.get().databaseUrl());
  }

  /** An organisation domain no other test uses. */
  public static String newDomain() {
    return "org-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
  }

  public String url() {
    return service.url();
  }

  /** Registers and logs in a user {@code name-<random>@domain}. */
  public TestUser newUser(String name, String domain) {
    String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
    Reply registered =
        post("/v1/auth/register", null, Map.of("email", email, "password", PASSWORD, "name", name));
    require(registered, 201);
    Reply login = post("/v1/auth/login", null, Map.of("email", email, "password", PASSWORD));
    require(login, 200);
    return new TestUser(
        registered.text("id"),
        email,
        PASSWORD,
        login.text("access_token"),
        login.text("refresh_token"));
  }

  public Reply get(String path, String token) {
    return send("GET", path, token, null);
  }

  public Reply post(String path, String token, Object body) {
    return send("POST", path, token, body);
  }

  public Reply put(String path, String token, Object body) {
    return send("PUT", path, token, body);
  }

  public Reply patch(String path, String token, Object body) {
    return send("PATCH", path, token, body);
  }

  public Reply delete(String path, String token) {
    return send("DELETE", path, token, null);
  }

  /** A request with a JSON body (a String is sent as it is, anything else as JSON). */
  public Reply send(String method, String path, String token, Object body) {
    byte[] bytes =
        body == null
            ? new byte[0]
            : body instanceof String text
                ? text.getBytes(StandardCharsets.UTF_8)
                : Json.toBytes(body);
    return raw(
        method,
        path,
        token == null ? Map.of() : Map.of("Authorization", "Bearer " + token),
        body == null ? null : "application/json",
        bytes);
  }

  public Reply raw(
      String method, String path, Map<String, String> headers, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url() + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Content-Type").orElse(null));
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  public static Reply require(Reply reply, int status) {
    if (reply.status() != status) {
      throw new AssertionError("expected " + status + " but got " + reply);
    }
    return reply;
  }

  @Override
  public void close() {
    service.close();
  }
}
