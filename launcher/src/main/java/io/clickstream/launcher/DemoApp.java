package io.clickstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Seeds {@code dev --demo} through the metadata API, the way a person would (DESIGN §7): a demo
 * user, an app, a checkout funnel and an app token. On a second run the user and app exist and the
 * token is rotated. Returns once the collector accepts the new token.
 */
final class DemoApp {
  static final String EMAIL = "demo@clickstream.dev";
  static final String PASSWORD = "Sunny-Lamp-7493";
  static final String APP_NAME = "Demo shop";

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** What the demo was seeded with. */
  /** The demo app, its app token and a read API key for the query API. */
  record Seeded(String appId, String token, String apiKey) {}

  private final String metadataUrl;
  private String accessToken;

  private DemoApp(String metadataUrl) {
    this.metadataUrl = metadataUrl;
  }

  static Seeded seed(String metadataUrl, String collectorUrl) throws Exception {
    DemoApp demo = new DemoApp(metadataUrl);
    demo.signIn();
    String appId = demo.app();
    String token =
        demo.call("POST", "/v1/apps/" + appId + "/token", null, 201).path("token").asText();
    // One key per run: the previous runs' keys are revoked (an app holds at most 20).
    int revoked = demo.send("DELETE", "/v1/apps/" + appId + "/api-keys", null).statusCode();
    if (revoked != 204) {
      throw new IllegalStateException("Revoking the demo API keys answered " + revoked);
    }
    String apiKey =
        demo.call("POST", "/v1/apps/" + appId + "/api-keys", Map.of("name", "demo"), 201)
            .path("key")
            .asText();
    awaitAccepted(collectorUrl, token);
    return new Seeded(appId, token, apiKey);
  }

  private void signIn() throws Exception {
    int status =
        send(
                "POST",
                "/v1/auth/register",
                Map.of("email", EMAIL, "password", PASSWORD, "name", "Demo"))
            .statusCode();
    if (status != 201 && status != 409) {
      throw new IllegalStateException("Registering the demo user answered " + status);
    }
    accessToken =
        call("POST", "/v1/auth/login", Map.of("email", EMAIL, "password", PASSWORD), 200)
            .path("access_token")
            .asText();
  }

  /** The demo app, made with its funnel the first time (before a token locks it). */
  private String app() throws Exception {
    for (JsonNode app : call("GET", "/v1/apps", null, 200).path("items")) {
      if (APP_NAME.equals(app.path("name").asText())) {
        return app.path("id").asText();
      }
    }
    String appId =
        call(
                "POST",
                "/v1/apps",
                Map.of(
                    "name",
                    APP_NAME,
                    "description",
                    "Synthetic traffic from clickstream dev --demo"),
                201)
            .path("id")
            .asText();
    call(
        "POST",
        "/v1/apps/" + appId + "/funnels",
        Map.of(
            "name", "Checkout",
            "window_ms", Duration.ofMinutes(30).toMillis(),
            "steps",
                List.of(
                    step("/products/*", "Product"),
                    step("/cart", "Cart"),
                    step("/checkout", "Checkout"))),
        201);
    return appId;
  }

  private static Map<String, Object> step(String path, String label) {
    return Map.of("type", "pageview", "match", Map.of("path", path), "label", label);
  }

  private JsonNode call(String method, String path, Object body, int expected) throws Exception {
    HttpResponse<String> response = send(method, path, body);
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return Json.readTree(response.body());
  }

  private HttpResponse<String> send(String method, String path, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(metadataUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body)));
    if (accessToken != null) {
      request.header("Authorization", "Bearer " + accessToken);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The token reaches the collector through the outbox and the config topics: seconds. */
  private static void awaitAccepted(String collectorUrl, String token) throws Exception {
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(collectorUrl + "/v1/events"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    Json.toBytes(
                        Map.of("token", token, "visitor_id", "demo-probe", "events", List.of()))))
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() != 202) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The collector did not accept the demo token in 60 s");
      }
      Thread.sleep(200);
    }
  }
}
