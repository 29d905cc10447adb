package io.clickstream.simulator.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.model.Json;
import io.clickstream.simulator.behaviour.Chunk;
import io.clickstream.simulator.behaviour.OutgoingEvent;
import io.clickstream.simulator.behaviour.VisitorProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The browser tracker's way (DESIGN §3): {@code POST /v1/hello} for each session, a WebSocket on
 * the ticket's URL, one frame per chunk answered by an ack, and {@code goodbye} at the session's
 * end. Each sender holds at most one socket, so {@code --concurrency} is the number of parallel
 * sockets. A frame answered {@code unavailable} is sent again; a socket that breaks fails its chunk
 * and the next chunk starts a new session.
 */
public final class WebSocketTransport implements Transport {
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);

  private final URI hello;
  private final HttpClient http;

  public WebSocketTransport(String collectorUrl) {
    this.hello = URI.create(collectorUrl.replaceAll("/+$", "") + "/v1/hello");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public Sender newSender() {
    return new SocketSender();
  }

  @Override
  public void close() {}

  /** One worker's socket, opened per session. */
  private final class SocketSender implements Sender {
    private Socket socket;

    @Override
    public Delivery send(Chunk chunk) throws InterruptedException {
      List<Event> serverEvents = new ArrayList<>();
      long started = System.nanoTime();
      try {
        if (chunk.opensSession() && socket != null) {
          serverEvents.addAll(goodbye());
        }
        if (socket == null) {
          socket = open(chunk);
          serverEvents.add(ServerEvents.of(EventType.SESSION_START, chunk.visitor(), null));
        }
        Map<String, Object> frame =
            Map.of("events", chunk.events().stream().map(OutgoingEvent::wire).toList());
        JsonNode answer = socket.exchange(Json.toJson(frame));
        if (!answer.has("ack")) {
          serverEvents.addAll(abort());
          return Delivery.failed(
              "frame refused: " + answer, System.nanoTime() - started, serverEvents);
        }
        Delivery delivery =
            Delivery.answered(
                HttpTransport.rejectedIndexes(answer), System.nanoTime() - started, serverEvents);
        if (chunk.closesSession()) {
          serverEvents.addAll(goodbye());
        }
        return delivery;
      } catch (HelloRefused e) {
        return Delivery.refused(
            chunk.events().size(), e.getMessage(), System.nanoTime() - started, serverEvents);
      } catch (IOException | TimeoutException | ExecutionException e) {
        serverEvents.addAll(abort());
        return Delivery.failed(e.toString(), System.nanoTime() - started, serverEvents);
      }
    }

    @Override
    public Delivery finish() throws InterruptedException {
      return Delivery.nothing(goodbye());
    }

    @Override
    public void close() {
      abort();
    }

    /** Says goodbye and waits for the close; the collector then stores session_end. */
    private List<Event> goodbye() throws InterruptedException {
      if (socket == null) {
        return List.of();
      }
      Socket closing = socket;
      socket = null;
      closing.goodbye();
      return List.of(ServerEvents.of(EventType.SESSION_END, closing.visitor, null));
    }

    /** Drops the socket; the collector stores session_end (interrupted) for it. */
    private List<Event> abort() {
      if (socket == null) {
        return List.of();
      }
      Socket dropped = socket;
      socket = null;
      dropped.websocket.abort();
      return List.of(ServerEvents.of(EventType.SESSION_END, dropped.visitor, null));
    }
  }

  /** Hello (retried on 429/503), then the WebSocket on the ticket's URL. */
  private Socket open(Chunk chunk)
      throws InterruptedException, IOException, ExecutionException, TimeoutException {
    VisitorProfile visitor = chunk.visitor();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token", visitor.token());
    body.put("visitor_id", visitor.id());
    body.put("url", chunk.landingUrl());
    if (chunk.referrer() != null) {
      body.put("referrer", chunk.referrer());
    }
    boolean phone = visitor.userAgent().contains("Mobile");
    body.put("screen", Map.of("w", phone ? 390 : 1920, "h", phone ? 844 : 1080));
    body.put("language", "en-GB");
    body.put("tz", "Europe/London");
    HttpRequest request =
        HttpRequest.newBuilder(hello)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("User-Agent", visitor.userAgent())
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body)))
            .build();
    String answer = null;
    for (int attempt = 0; attempt < Retries.MAX_ATTEMPTS && answer == null; attempt++) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        answer = response.body();
      } else if (response.statusCode() == 429 || response.statusCode() == 503) {
        Retries.pause(attempt, null);
      } else {
        throw new HelloRefused("hello answered " + response.statusCode() + ": " + response.body());
      }
    }
    if (answer == null) {
      throw new IOException("hello was refused " + Retries.MAX_ATTEMPTS + " times");
    }
    String wsUrl = Json.readTree(answer).path("ws_url").asText();
    Socket socket = new Socket(visitor);
    socket.websocket =
        http.newWebSocketBuilder()
            .header("User-Agent", visitor.userAgent())
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(URI.create(wsUrl), socket)
            .get(ANSWER_WAIT.toSeconds(), TimeUnit.SECONDS);
    return socket;
  }

  /** A definite no to a hello (401, 403, 400): no session was started. */
  private static final class HelloRefused extends IOException {
    HelloRefused(String message) {
      super(message);
    }
  }

  /** A socket and the answers it got; the JDK client answers pings by itself. */
  private static final class Socket implements WebSocket.Listener {
    final VisitorProfile visitor;
    final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final StringBuilder partial = new StringBuilder();
    WebSocket websocket;

    Socket(VisitorProfile visitor) {
      this.visitor = visitor;
    }

    /** Sends a frame and waits for its answer, sending it again while the answer is unavailable. */
    JsonNode exchange(String frame)
        throws InterruptedException, ExecutionException, TimeoutException, IOException {
      JsonNode answer = null;
      for (int attempt = 0; attempt < Retries.MAX_ATTEMPTS; attempt++) {
        websocket.sendText(frame, true).get(ANSWER_WAIT.toSeconds(), TimeUnit.SECONDS);
        String text = nextAnswer();
        if (text == null) {
          throw new TimeoutException(
              closed.isDone() ? "the socket was closed" : "no answer in " + ANSWER_WAIT);
        }
        answer = Json.readTree(text);
        if (!"unavailable".equals(answer.path("error").path("code").asText())) {
          return answer;
        }
        Retries.pause(attempt, null);
      }
      return answer;
    }

    /** The next answer, or null when the socket closed or none came in time. */
    private String nextAnswer() throws InterruptedException {
      long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        String text = answers.poll(100, TimeUnit.MILLISECONDS);
        if (text != null || closed.isDone()) {
          return text != null ? text : answers.poll();
        }
      }
      return null;
    }

    void goodbye() throws InterruptedException {
      try {
        websocket.sendText("{\"type\":\"goodbye\"}", true).get(10, TimeUnit.SECONDS);
        closed.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        websocket.abort();
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        answers.add(partial.toString());
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}
