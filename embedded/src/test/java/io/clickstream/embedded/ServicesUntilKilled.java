package io.clickstream.embedded;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link KillNineRecoveryTest}: starts the services, writes the sample data,
 * announces it through a marker file and waits to be killed.
 */
public final class ServicesUntilKilled {

  private ServicesUntilKilled() {}

  /**
   * Arguments: data dir, ready-marker file, then the ports (Kafka, controller, PostgreSQL, Redis).
   */
  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    Path readyMarker = Path.of(args[1]);
    Ports ports =
        new Ports(
            Integer.parseInt(args[2]),
            Integer.parseInt(args[3]),
            Integer.parseInt(args[4]),
            Integer.parseInt(args[5]));
    Infrastructure services = SampleData.startServices(dataDir, ports);
    SampleData.write(services);
    Files.writeString(readyMarker, "ready");
    Thread.currentThread().join();
  }
}
