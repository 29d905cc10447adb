package io.clickstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@code clickstream dev} must survive: the JVM killed with SIGKILL, no shutdown hook run,
 * PostgreSQL and Redis left running as orphans, Kafka's logs not closed.
 */
class KillNineRecoveryTest {

  @Test
  void servicesRestartWithTheirDataAfterTheJvmWasKilled() throws Exception {
    Path dir = SampleData.testDir().resolve("kill-9");
    Path dataDir = dir.resolve("data");
    Path readyMarker = dir.resolve("ready");
    Infrastructure.deleteData(dir);
    Files.createDirectories(dir);
    Ports ports = SampleData.freePorts();

    Process child = startChild(dataDir, readyMarker, ports, dir.resolve("child.log"));
    awaitReadyOrExit(child, readyMarker, dir.resolve("child.log"));
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(alivePidIn(dataDir.resolve("postgres/data/postmaster.pid"))).isTrue();
    assertThat(alivePidIn(dataDir.resolve("redis/redis.pid"))).isTrue();

    try (Infrastructure restarted = SampleData.startServices(dataDir, ports)) {
      SampleData.assertPresent(restarted);
    }
  }

  private static Process startChild(Path dataDir, Path readyMarker, Ports ports, Path log)
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "-D" + TestServices.TEST_DIR_PROPERTY + "=" + SampleData.testDir(),
            ServicesUntilKilled.class.getName(),
            dataDir.toString(),
            readyMarker.toString(),
            Integer.toString(ports.kafka()),
            Integer.toString(ports.kafkaController()),
            Integer.toString(ports.postgres()),
            Integer.toString(ports.redis()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void awaitReadyOrExit(Process child, Path readyMarker, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!Files.exists(readyMarker)) {
      if (!child.isAlive() || System.nanoTime() > deadline) {
        child.destroyForcibly();
        throw new AssertionError("The child JVM did not get ready:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
  }

  private static boolean alivePidIn(Path pidFile) throws Exception {
    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
