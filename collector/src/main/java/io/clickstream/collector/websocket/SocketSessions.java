package io.clickstream.collector.websocket;

import io.undertow.util.AttachmentKey;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every open WebSocket session of this collector: opens them (within each app's {@code
 * max_connections}), pings them, ends the dead and idle ones, closes those whose token was revoked
 * or whose app was deleted, and closes them all, properly, when the collector shuts down.
 */
public final class SocketSessions implements AutoCloseable {
  /** Set on the upgrade request by the endpoint that checked its ticket. */
  public static final AttachmentKey<SocketPeer> PEER = AttachmentKey.create(SocketPeer.class);

  private static final Logger log = LoggerFactory.getLogger(SocketSessions.class);

  private final SessionServices services;
  private final Duration pingInterval;
  private final Set<SocketSession> open = ConcurrentHashMap.newKeySet();
  // The sessions that count against their app's max_connections (not those being refused).
  private final Set<SocketSession> counted = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> openPerApp = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper;
  private final ExecutorService frameWorkers;
  private volatile boolean closing;

  /**
   * @param pingInterval how often each socket is pinged; one that misses two pings is dead
   */
  public SocketSessions(SessionServices services, Duration pingInterval) {
    this.services = services;
    this.pingInterval = pingInterval;
    this.sweeper = Executors.newSingleThreadScheduledExecutor(daemon("ws-sweeper"));
    this.frameWorkers = Executors.newFixedThreadPool(16, daemon("ws-frames"));
    services.metrics().gauge("collector.websocket.open", "Open WebSockets", open::size);
  }

  public SocketSessions start() {
    long period = pingInterval.toMillis();
    sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Opens the session of an upgraded connection; Undertow calls it on an I/O thread. */
  public WebSocketConnectionCallback connectionCallback() {
    return this::connect;
  }

  public boolean isClosing() {
    return closing;
  }

  public int openCount() {
    return open.size();
  }

  public void appDeleted(String appId) {
    terminateWhere(s -> s.appId().equals(appId), "the app was deleted");
  }

  public void tokenRevoked(String tokenId) {
    terminateWhere(s -> s.tokenId().equals(tokenId), "the app token was revoked");
  }

  /**
   * Refuses new sockets, then closes every open one with 1001 (going away) once its received frames
   * are answered, each with a session_end {@code interrupted}: the visitor's session goes on
   * through another collector, but this connection's session is over. Waits for them to close, at
   * most {@code timeout}.
   */
  public void closeAll(Duration timeout) {
    closing = true;
    List<SocketSession> sessions = List.copyOf(open);
    if (sessions.isEmpty()) {
      return;
    }
    log.info("Closing {} WebSockets", sessions.size());
    long now = services.clock().millis();
    for (SocketSession session : sessions) {
      session.terminate(CloseMessage.GOING_AWAY, "server shutting down", now);
    }
    try {
      CompletableFuture.allOf(
              sessions.stream().map(SocketSession::closed).toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("{} WebSockets still open after {}", open.size(), timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      log.warn("Closing WebSockets failed", e.getCause());
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    frameWorkers.shutdown();
  }

  void closed(SocketSession session) {
    open.remove(session);
    if (counted.remove(session)) {
      openPerApp.get(session.appId()).decrementAndGet();
    }
  }

  private void connect(WebSocketHttpExchange exchange, WebSocketChannel channel) {
    SocketPeer peer = exchange.getAttachment(PEER);
    String appId = peer.ticket().appId();
    SocketSession session = new SocketSession(channel, peer, services, this, frameWorkers);
    open.add(session);
    int max = services.directory().settings(appId).maxConnections();
    boolean admitted = !closing && admit(session, max);
    // Counted before it starts, so that a close right away finds it counted and uncounts it.
    session.start();
    if (closing) {
      session.terminate(CloseMessage.GOING_AWAY, "server shutting down", now());
    } else if (!admitted) {
      session.terminate(
          CloseCodes.TRY_AGAIN_LATER,
          "too many open connections for this app (" + max + "); retry later",
          now());
    }
  }

  private boolean admit(SocketSession session, int max) {
    AtomicInteger count = openPerApp.computeIfAbsent(session.appId(), k -> new AtomicInteger());
    if (count.incrementAndGet() > max) {
      count.decrementAndGet();
      return false;
    }
    counted.add(session);
    return true;
  }

  private void terminateWhere(Predicate<SocketSession> matches, String reason) {
    long now = now();
    for (SocketSession session : open) {
      if (matches.test(session)) {
        session.terminate(CloseMessage.MSG_VIOLATES_POLICY, reason, now);
      }
    }
  }

  private void sweep() {
    try {
      long nowMillis = now();
      long nowNanos = System.nanoTime();
      for (SocketSession session : open) {
        session.sweep(nowMillis, nowNanos, pingInterval);
      }
      services.tickets().forgetExpired();
    } catch (RuntimeException e) {
      log.warn("Sweeping WebSockets failed", e);
    }
  }

  private long now() {
    return services.clock().millis();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger counter = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
