package io.clickstream.bench;

import io.clickstream.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The JSON calls the API benchmarks make, with the status they expect. */
final class BenchHttp {
  private BenchHttp() {}

  static HttpRequest post(String url, String token, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  /** A GET with a bearer token. */
  static HttpRequest get(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .build();
  }

  /** A user signed in with an app of their own. */
  record Account(String token, String appId) {}

  /** Registers a user, signs in and creates an app, as the metadata API's clients do. */
  static Account register(
      HttpClient client, String metadataUrl, String email, String password, String name)
      throws Exception {
    send(
        client,
        post(
            metadataUrl + "/v1/auth/register",
            null,
            Map.of("email", email, "password", password, "name", name)),
        201);
    String token =
        Json.readTree(
                send(
                    client,
                    post(
                        metadataUrl + "/v1/auth/login",
                        null,
                        Map.of("email", email, "password", password)),
                    200))
            .get("access_token")
            .asText();
    String app =
        Json.readTree(
                send(client, post(metadataUrl + "/v1/apps", token, Map.of("name", name)), 201))
            .get("id")
            .asText();
    return new Account(token, app);
  }

  static String send(HttpClient client, HttpRequest request, int expected) throws Exception {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          request.uri() + " answered " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  /**
   * Sends on one of {@code senders}' threads, which waits for the answer. Not the client's own
   * {@code sendAsync}: where the common fork-join pool has a single thread (fewer than three cores,
   * as here) it completes every response on a new thread, and starting 500 threads a second on the
   * server's cores was part of the latency it measured.
   */
  static CompletableFuture<?> sendAsync(
      HttpClient client, HttpRequest request, int expected, Executor senders) {
    return CompletableFuture.runAsync(
        () -> {
          HttpResponse<Void> response;
          try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
          }
        },
        senders);
  }
}
