package io.clickstream.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a process alive until SIGTERM or Ctrl-C, then closes its services in the reverse order of
 * their start, so each one drains before what it depends on goes away.
 */
final class Lifecycle {
  private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

  private final List<AutoCloseable> started = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  Lifecycle() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "clickstream-shutdown"));
  }

  /** Registers a started service; returns it for chaining. */
  synchronized <T extends AutoCloseable> T started(T service) {
    started.add(service);
    return service;
  }

  /** Blocks until shutdown has closed everything. */
  void awaitShutdown() throws InterruptedException {
    stopped.await();
  }

  private synchronized void closeAll() {
    log.info("Shutting down");
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        log.warn("Closing {} failed", started.get(i).getClass().getSimpleName(), e);
      }
    }
    started.clear();
    log.info("Stopped");
    stopped.countDown();
  }

  /**
   * Exits non-zero from a fresh thread (so a caller on a thread that shutdown waits for is free).
   */
  static void exitWithFailure() {
    new Thread(() -> System.exit(1), "clickstream-fatal-exit").start();
  }
}
