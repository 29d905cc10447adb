package io.clickstream.query.stream;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;

/**
 * One Redis pub/sub connection for every app channel this process streams: subscriptions follow the
 * apps that have connections. A thread holds the subscription loop and reconnects after a failure,
 * resubscribing to every channel it should hear.
 */
final class LiveChannels implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveChannels.class);

  /** Keeps the loop subscribed while no app has a connection. */
  private static final String IDLE_CHANNEL = "cs:query-api:idle";

  private final JedisPooled redis;
  private final Consumer<String> onChange;

  /** Where (un)subscribe commands are written: one thread, so they never interleave. */
  private final Executor writer;

  private final Set<String> wanted = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile JedisPubSub current;

  LiveChannels(JedisPooled redis, Consumer<String> onChange, Executor writer) {
    this.redis = redis;
    this.onChange = onChange;
    this.writer = writer;
    this.thread = new Thread(this::run, "live-stream-subscriber");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Call on the writer thread. */
  void subscribe(String channel) {
    wanted.add(channel);
    JedisPubSub pubSub = current;
    if (pubSub != null && pubSub.isSubscribed()) {
      pubSub.subscribe(channel);
    }
  }

  /** Call on the writer thread. */
  void unsubscribe(String channel) {
    wanted.remove(channel);
    JedisPubSub pubSub = current;
    if (pubSub != null && pubSub.isSubscribed()) {
      pubSub.unsubscribe(channel);
    }
  }

  private void run() {
    while (running) {
      JedisPubSub pubSub =
          new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
              // cs:{appId}:live
              int open = channel.indexOf('{');
              int close = channel.indexOf('}');
              if (open >= 0 && close > open) {
                onChange.accept(channel.substring(open + 1, close));
              }
            }

            @Override
            public void onSubscribe(String channel, int subscribedChannels) {
              if (channel.equals(IDLE_CHANNEL)) {
                // Channels wanted while the loop was (re)connecting.
                writer.execute(
                    () -> {
                      for (String missed : wanted) {
                        subscribe(missed);
                      }
                    });
              }
            }
          };
      current = pubSub;
      try {
        redis.subscribe(pubSub, IDLE_CHANNEL);
      } catch (RuntimeException e) {
        if (running) {
          log.warn("Live channel subscription failed, retrying: {}", e.toString());
          pause();
        }
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    JedisPubSub pubSub = current;
    if (pubSub != null && pubSub.isSubscribed()) {
      pubSub.unsubscribe();
    }
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
