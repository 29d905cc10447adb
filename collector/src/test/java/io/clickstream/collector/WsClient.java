package io.clickstream.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A tracker's WebSocket, with the JDK's client: it answers pings by itself, as browsers do. Every
 * message the server sends is queued; the close frame is kept.
 */
final class WsClient implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(15);

  /** The close frame the server sent. */
  record Close(int code, String reason) {}

  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Close> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private WsClient(String url, String userAgent, String origin) throws Exception {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    builder.header("User-Agent", userAgent);
    if (origin != null) {
      builder.header("Origin", origin);
    }
    this.socket =
        builder
            .buildAsync(URI.create(url), new Listener())
            .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  static WsClient connect(String url) throws Exception {
    return new WsClient(url, CollectorClient.USER_AGENT, null);
  }

  static WsClient connect(String url, String origin) throws Exception {
    return new WsClient(url, CollectorClient.USER_AGENT, origin);
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  /** The next message from the server, as JSON. */
  JsonNode next() throws InterruptedException {
    String message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(message).as("a message from the server within %s", WAIT).isNotNull();
    return Json.readTree(message);
  }

  /** The server's close frame; fails when the server sends another message first. */
  Close awaitClose() throws Exception {
    Close close = closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(messages).as("messages left unread before the close").isEmpty();
    return close;
  }

  /** Cuts the connection without a close frame, as a browser tab that crashed. */
  void abort() {
    socket.abort();
  }

  @Override
  public void close() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(new Close(statusCode, reason));
      return null; // the JDK client then answers with the same close frame
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}
