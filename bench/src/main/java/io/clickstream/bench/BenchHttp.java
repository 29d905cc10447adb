package io.clickstream.bench;

import io.clickstream.model.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

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

  static String send(HttpClient client, HttpRequest request, int expected) throws Exception {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          request.uri() + " answered " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  static CompletableFuture<?> sendAsync(HttpClient client, HttpRequest request, int expected) {
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenApply(
            response -> {
              if (response.statusCode() != expected) {
                throw new IllegalStateException(
                    request.uri() + " answered " + response.statusCode());
              }
              return response;
            });
  }
}
