package io.clickstream.topology;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A topology instance in a JVM of its own, for {@link ExactlyOnceRecoveryTest} to kill with
 * SIGKILL: no shutdown hook, no last commit. Arguments: bootstrap servers, Redis URL, application
 * id, state directory.
 */
public final class TopologyUntilKilled {
  private TopologyUntilKilled() {}

  public static void main(String[] args) throws Exception {
    TopologyService topology =
        new TopologyService(
            ExactlyOnceRecoveryTest.settings(args[0], args[1], args[2], Path.of(args[3])),
            () -> System.exit(1));
    topology.start();
    if (!topology.awaitRunning(Duration.ofMinutes(2))) {
      System.exit(2);
    }
    Thread.currentThread().join(); // until killed
  }
}
