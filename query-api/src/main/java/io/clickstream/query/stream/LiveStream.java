package io.clickstream.query.stream;

import io.clickstream.model.Json;
import io.clickstream.platform.http.ApiException;
import io.clickstream.platform.http.JsonExchanges;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.query.auth.AppGuard;
import io.clickstream.query.endpoints.LiveEndpoint;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.sse.ServerSentEventConnection;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;

/**
 * {@code GET /v1/apps/{appId}/stream}: Server-Sent Events with the app's live figures. The topology
 * publishes on the app's Redis channel when they change; one subscription per app and process hears
 * it, reads the figures once and sends the same event to every connection of that app, at most once
 * per {@code minInterval}. Idle connections get a comment line every {@code heartbeat}, so proxies
 * keep them open and dead peers are found; closed connections leave their app's set, and the last
 * one out unsubscribes.
 */
public final class LiveStream implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
  static final String EVENT = "metrics";

  private final JedisPooled redis;
  private final AppGuard guard;
  private final long minIntervalNanos;
  private final long heartbeatMillis;
  private final ServerSentEventHandler sse;
  private final Map<String, AppConnections> apps = new ConcurrentHashMap<>();

  /** One thread sends, reads Redis for sends, and changes subscriptions: no locks needed. */
  private final ScheduledExecutorService sender =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "live-stream-sender");
            thread.setDaemon(true);
            return thread;
          });

  private final LiveChannels channels;

  /** The connections of one app and when they were last sent figures. */
  private static final class AppConnections {
    final Set<ServerSentEventConnection> connections = ConcurrentHashMap.newKeySet();
    long lastSentNanos;
    boolean sendScheduled;
  }

  public LiveStream(JedisPooled redis, AppGuard guard, Duration minInterval, Duration heartbeat) {
    this.redis = redis;
    this.guard = guard;
    this.minIntervalNanos = minInterval.toNanos();
    this.heartbeatMillis = heartbeat.toMillis();
    this.sse = new ServerSentEventHandler((connection, lastEventId) -> connected(connection));
    this.channels = new LiveChannels(redis, appId -> sender.execute(() -> changed(appId)), sender);
  }

  public LiveStream start() {
    channels.start();
    return this;
  }

  /** Authorises on a worker thread (the check may query PostgreSQL), then opens the stream. */
  public HttpHandler handler() {
    return new HttpHandler() {
      @Override
      public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
          exchange.dispatch(this);
          return;
        }
        try {
          guard.requireReadable(exchange);
        } catch (ApiException e) {
          JsonExchanges.sendError(exchange, e);
          return;
        }
        sse.handleRequest(exchange);
      }
    };
  }

  /** Open connections of an app (for tests and metrics). */
  public int connections(String appId) {
    AppConnections app = apps.get(appId);
    return app == null ? 0 : app.connections.size();
  }

  private void connected(ServerSentEventConnection connection) {
    String appId = UUID.fromString(connection.getParameter("appId")).toString();
    connection.setKeepAliveTime(heartbeatMillis);
    connection.sendRetry(1000);
    sender.execute(
        () -> {
          AppConnections app =
              apps.computeIfAbsent(
                  appId,
                  id -> {
                    channels.subscribe(RedisKeys.liveChannel(id));
                    return new AppConnections();
                  });
          app.connections.add(connection);
          connection.addCloseTask(closed -> sender.execute(() -> disconnected(appId, closed)));
          // A new subscriber sees the current figures at once, not at the next change.
          send(connection, figures(appId));
        });
  }

  private void disconnected(String appId, ServerSentEventConnection connection) {
    AppConnections app = apps.get(appId);
    if (app == null) {
      return;
    }
    app.connections.remove(connection);
    if (app.connections.isEmpty()) {
      apps.remove(appId);
      channels.unsubscribe(RedisKeys.liveChannel(appId));
    }
  }

  /** On the sender thread: send now, or once the minimum interval has passed. */
  private void changed(String appId) {
    AppConnections app = apps.get(appId);
    if (app == null || app.sendScheduled) {
      return;
    }
    long wait = app.lastSentNanos + minIntervalNanos - System.nanoTime();
    if (app.lastSentNanos != 0 && wait > 0) {
      app.sendScheduled = true;
      sender.schedule(
          () -> {
            app.sendScheduled = false;
            broadcast(appId, app);
          },
          wait,
          TimeUnit.NANOSECONDS);
    } else {
      broadcast(appId, app);
    }
  }

  private void broadcast(String appId, AppConnections app) {
    if (app.connections.isEmpty()) {
      return;
    }
    app.lastSentNanos = System.nanoTime();
    String data = figures(appId);
    for (ServerSentEventConnection connection : app.connections) {
      send(connection, data);
    }
  }

  private String figures(String appId) {
    try {
      return Json.toJson(LiveEndpoint.read(redis, appId));
    } catch (RuntimeException e) {
      log.warn("Reading live figures failed: {}", e.toString());
      return null;
    }
  }

  private static void send(ServerSentEventConnection connection, String data) {
    if (data != null && connection.isOpen()) {
      connection.send(data, EVENT, null, null);
    }
  }

  @Override
  public void close() {
    channels.close();
    sender.shutdownNow();
    for (ServerSentEventConnection connection : sse.getConnections()) {
      try {
        connection.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
