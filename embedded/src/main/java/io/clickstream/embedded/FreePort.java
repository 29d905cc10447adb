package io.clickstream.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Free ports on the loopback interface, where the embedded services listen. */
public final class FreePort {

  private static final Logger log = LoggerFactory.getLogger(FreePort.class);
  private static final int ATTEMPTS_WITH_PICKED_PORTS = 3;
  private static final int LOW_PORT = 20_000;
  private static final int HIGH_PORT = 32_768;
  private static final java.util.Random RANDOM = new java.security.SecureRandom();

  /**
   * Every port this JVM has picked. Kafka, PostgreSQL and Redis pick theirs in parallel, and a port
   * free for one is free for all until one binds it; a port is therefore handed out once.
   */
  private static final Set<Integer> PICKED = ConcurrentHashMap.newKeySet();

  private FreePort() {}

  /**
   * A port that is free now; another process may still take it before we bind it. Picked below
   * Linux's ephemeral range (32768–60999), where the kernel also places the local ends of our own
   * outgoing connections: a port asked of the OS with {@code bind(0)} is soon taken by one of them.
   * Never the same port twice in one JVM.
   */
  public static int pick() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = LOW_PORT + RANDOM.nextInt(HIGH_PORT - LOW_PORT);
      if (isFree(port) && PICKED.add(port)) {
        return port;
      }
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on the loopback interface", e);
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort() == port;
    } catch (IOException e) {
      return false;
    }
  }

  /** A picked port that is still free a moment later; picks again a few times if not. */
  static int pickConfirmed(String service) {
    for (int attempt = 1; ; attempt++) {
      int port = pick();
      if (isFree(port)) {
        return port;
      }
      if (attempt >= 5) {
        throw new IllegalStateException(service + ": no free port found in 5 attempts");
      }
    }
  }

  static int pickIfZero(int port) {
    return port == 0 ? pick() : port;
  }

  /** Fails fast, with a message that names the service, when a fixed port is taken. */
  static void requireFree(int port, String service) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(
          service
              + " cannot listen on 127.0.0.1:"
              + port
              + ": the port is in use by another process (another clickstream dev?)",
          e);
    }
  }

  /**
   * Runs {@code start}, which picks its ports, and when the ports were picked rather than fixed
   * runs it again after a failure: another process may have taken a picked port in between.
   */
  static void retryIfPicked(String service, boolean portsPicked, Runnable start) {
    int attempts = portsPicked ? ATTEMPTS_WITH_PICKED_PORTS : 1;
    for (int attempt = 1; ; attempt++) {
      try {
        start.run();
        return;
      } catch (RuntimeException e) {
        if (attempt >= attempts) {
          throw e;
        }
        log.warn("{} did not start ({}); trying again on other ports", service, e.getMessage());
      }
    }
  }
}
