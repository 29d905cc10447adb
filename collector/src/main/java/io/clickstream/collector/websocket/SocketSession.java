package io.clickstream.collector.websocket;

import io.clickstream.collector.access.AppRateLimiter;
import io.clickstream.collector.ingest.BatchIntake;
import io.clickstream.collector.ingest.CollectorMetrics.Channel;
import io.clickstream.collector.ingest.ServerStamps;
import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.model.Limits;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * One open WebSocket: one visitor's session of one app, from the ticket it was opened with.
 *
 * <p>Frames are handled one after another on a worker (never on the I/O thread: storing may block
 * while Kafka is away), and answered in the order they came, each once Kafka acknowledged its
 * events. The session ends exactly once, with a {@code session_end} event: {@code goodbye} when the
 * client said so, {@code interrupted} for everything else (the client went away, the socket died or
 * idled, a limit or revocation closed it, the server shut down). A close initiated by the server
 * waits until every frame received before it was answered.
 */
final class SocketSession extends AbstractReceiveListener {
  static final String GOODBYE = "goodbye";
  static final String INTERRUPTED = "interrupted";

  private static final Logger log = LoggerFactory.getLogger(SocketSession.class);

  /** Frames received but not yet answered; past this the socket stops reading (backpressure). */
  private static final int MAX_PENDING_FRAMES = 64;

  /** How long a client has to answer our close frame before the connection is cut. */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private final WebSocketChannel channel;
  private final SocketPeer peer;
  private final SessionServices services;
  private final SocketSessions registry;
  private final Executor executor;
  private final AtomicBoolean ended = new AtomicBoolean();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final AtomicInteger pendingFrames = new AtomicInteger();
  private final Object order = new Object();

  // Guarded by `order`: the chain that handles frames one by one, and the chain of answers.
  private CompletableFuture<Void> work = CompletableFuture.completedFuture(null);
  private CompletableFuture<Void> replies = CompletableFuture.completedFuture(null);

  private volatile boolean closing;
  private volatile long lastFrameAt; // the collector's clock: idle timeout, session_end time
  private volatile long lastPongNanos; // monotonic: dead-socket detection
  private volatile long closeSentNanos;

  SocketSession(
      WebSocketChannel channel,
      SocketPeer peer,
      SessionServices services,
      SocketSessions registry,
      Executor executor) {
    this.channel = channel;
    this.peer = peer;
    this.services = services;
    this.registry = registry;
    this.executor = executor;
    this.lastFrameAt = services.clock().millis();
    this.lastPongNanos = System.nanoTime();
  }

  void start() {
    channel.getReceiveSetter().set(this);
    channel.addCloseTask(ignored -> onClosed());
    channel.resumeReceives();
  }

  String appId() {
    return peer.ticket().appId();
  }

  String tokenId() {
    return peer.ticket().tokenId();
  }

  /** Completes when the connection is closed and its session_end was stored (or failed to be). */
  CompletableFuture<Void> closed() {
    return closed;
  }

  @Override
  protected long getMaxTextBufferSize() {
    return Limits.MAX_BATCH_BYTES; // larger frames are closed with 1009 by Undertow
  }

  @Override
  protected long getMaxBinaryBufferSize() {
    return 1024;
  }

  @Override
  protected void onFullTextMessage(WebSocketChannel ignored, BufferedTextMessage message) {
    String text = message.getData();
    services.metrics().frameReceived();
    if (closing) {
      return; // after goodbye or a server close nothing more is stored or answered
    }
    lastFrameAt = services.clock().millis();
    enqueue(() -> handle(text));
  }

  @Override
  protected void onFullBinaryMessage(WebSocketChannel ignored, BufferedBinaryMessage message) {
    message.getData().free();
    if (!closing) {
      enqueue(
          () ->
              reply(
                  CompletableFuture.completedFuture(
                      FrameReplies.error(
                          "bad_request", "Frames are JSON text; binary frames are not read."))));
    }
  }

  @Override
  protected void onFullPongMessage(WebSocketChannel ignored, BufferedBinaryMessage message) {
    message.getData().free();
    lastPongNanos = System.nanoTime();
  }

  @Override
  protected void onError(WebSocketChannel ignored, Throwable error) {
    log.debug("WebSocket failed: {}", error.toString());
    super.onError(channel, error);
  }

  /** Periodic care: ping, and end the session when the socket is dead or idle. */
  void sweep(long nowMillis, long nowNanos, Duration pingInterval) {
    if (closeSentNanos != 0) {
      if (nowNanos - closeSentNanos > CLOSE_GRACE.toNanos()) {
        IoUtils.safeClose(channel);
      }
      return;
    }
    if (closing) {
      return;
    }
    if (nowNanos - lastPongNanos > 3 * pingInterval.toNanos()) {
      // Two pings unanswered: the peer is gone without a word (network lost, laptop asleep).
      // The session ended when we last heard from it.
      closing = true;
      end(INTERRUPTED, lastFrameAt).whenComplete((v, e) -> IoUtils.safeClose(channel));
      return;
    }
    Duration idleTimeout =
        Duration.ofMinutes(services.directory().settings(appId()).sessionTimeoutMin());
    if (nowMillis - lastFrameAt >= idleTimeout.toMillis()) {
      // No event for the app's session timeout: the session is over, as the topology sees it.
      terminate(CloseMessage.NORMAL_CLOSURE, "idle timeout", lastFrameAt);
      return;
    }
    WebSockets.sendPing(ByteBuffer.allocate(0), channel, null);
  }

  /**
   * Ends the session as interrupted and closes with {@code code} once every frame received so far
   * was answered.
   */
  void terminate(int code, String reason, long sessionEndTs) {
    closing = true;
    synchronized (order) {
      replies =
          replies
              .thenCompose(v -> end(INTERRUPTED, sessionEndTs))
              .handle(
                  (v, error) -> {
                    close(code, reason);
                    return null;
                  });
    }
  }

  private void enqueue(Runnable task) {
    if (pendingFrames.incrementAndGet() >= MAX_PENDING_FRAMES) {
      channel.suspendReceives();
    }
    synchronized (order) {
      work = work.thenRunAsync(task, executor);
    }
  }

  private void handle(String text) {
    try {
      if (closing) {
        pendingFrames.decrementAndGet();
        return; // came before the goodbye was handled, but after it
      }
      FrameContent content = FrameContent.parse(text);
      if (content instanceof FrameContent.Goodbye) {
        goodbye();
      } else if (content instanceof FrameContent.Invalid invalid) {
        reply(
            CompletableFuture.completedFuture(
                FrameReplies.error(invalid.code(), invalid.message())));
      } else {
        store(((FrameContent.Events) content).events());
      }
    } catch (RuntimeException e) {
      log.error("A WebSocket frame could not be handled", e);
      reply(
          CompletableFuture.completedFuture(
              FrameReplies.error("internal_error", "The server failed to handle the frame.")));
    }
  }

  private void store(com.fasterxml.jackson.databind.JsonNode events) {
    long now = services.clock().millis();
    Optional<String> revoked = services.authenticator().check(appId(), tokenId());
    if (revoked.isPresent()) {
      terminate(CloseMessage.MSG_VIOLATES_POLICY, revoked.get(), now);
      return;
    }
    Duration wait = services.rateLimiter().acquire(appId(), events.size());
    if (!wait.isZero()) {
      services.metrics().rateLimited(Channel.WEBSOCKET);
      terminate(
          CloseCodes.TRY_AGAIN_LATER,
          "rate limit exceeded; retry in " + AppRateLimiter.retryAfterSeconds(wait) + " s",
          now);
      return;
    }
    reply(
        services
            .intake()
            .ingest(events, stamps(now), Channel.WEBSOCKET)
            .handle(
                (result, error) ->
                    error == null ? FrameReplies.ack(result) : FrameReplies.unavailable()));
  }

  private void goodbye() {
    closing = true;
    long now = services.clock().millis();
    synchronized (order) {
      replies =
          replies
              .thenCompose(v -> end(GOODBYE, now))
              .handle(
                  (v, error) -> {
                    if (error == null) {
                      close(CloseMessage.NORMAL_CLOSURE, GOODBYE);
                    } else {
                      close(CloseMessage.UNEXPECTED_ERROR, "the session end could not be stored");
                    }
                    return null;
                  });
    }
  }

  /** Sends {@code text} after every earlier answer, once it is ready. */
  private void reply(CompletableFuture<String> text) {
    synchronized (order) {
      replies = replies.thenCompose(v -> text).thenAccept(this::send);
    }
  }

  private void send(String text) {
    try {
      WebSockets.sendText(text, channel, null);
    } finally {
      if (pendingFrames.decrementAndGet() == MAX_PENDING_FRAMES / 2 && !closing) {
        channel.resumeReceives();
      }
    }
  }

  private void close(int code, String reason) {
    if (closeSentNanos != 0 || !channel.isOpen()) {
      return;
    }
    closeSentNanos = System.nanoTime();
    services.metrics().socketClosedByServer(code);
    WebSockets.sendClose(
        code,
        reason,
        channel,
        new WebSocketCallback<Void>() {
          @Override
          public void complete(WebSocketChannel channel, Void context) {}

          @Override
          public void onError(WebSocketChannel channel, Void context, Throwable throwable) {
            IoUtils.safeClose(channel);
          }
        });
  }

  /** Stores the session_end event, once per session whatever ends it. */
  private CompletableFuture<Void> end(String reason, long ts) {
    if (!ended.compareAndSet(false, true)) {
      return CompletableFuture.completedFuture(null);
    }
    services.metrics().sessionEnded(reason);
    Event sessionEnd =
        Event.builder()
            .id(UUID.randomUUID().toString())
            .type(EventType.SESSION_END)
            .ts(ts)
            .reason(reason)
            .build();
    return services
        .publisher()
        .publish(BatchIntake.stamp(sessionEnd, stamps(services.clock().millis())))
        .whenComplete(
            (v, error) -> {
              if (error != null) {
                log.warn("A session_end event could not be stored: {}", error.toString());
              }
            });
  }

  private void onClosed() {
    registry.closed(this);
    end(INTERRUPTED, services.clock().millis()).whenComplete((v, e) -> closed.complete(null));
  }

  private ServerStamps stamps(long receivedAt) {
    SessionTicket ticket = peer.ticket();
    return new ServerStamps(
        ticket.appId(),
        ticket.visitorId(),
        ticket.sessionId(),
        receivedAt,
        peer.userAgent(),
        services.ipAnonymizer().hash(peer.clientIp()));
  }
}
