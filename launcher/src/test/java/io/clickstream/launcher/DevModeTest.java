package io.clickstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clickstream.platform.auth.AppTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code clickstream dev} as a user runs it, in a child JVM: it comes up, counts what it is sent,
 * and after a {@code kill -9} comes back on the same data with nothing lost or counted twice.
 */
class DevModeTest {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Path dir = Path.of("target", "dev-mode-test", UUID.randomUUID().toString());
  private final Path dataDir = dir.resolve("data");
  private final List<Process> children = new ArrayList<>();
  private int collectorPort;
  private int queryApiPort;
  private int metadataApiPort;
  private int kafkaPort;
  private List<String> portOptions;

  @AfterEach
  void stopChildren() throws Exception {
    for (Process child : children) {
      child.destroy();
      if (!child.waitFor(60, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }

  @Test
  void devComesBackAfterKillNineWithoutLosingOrDoubleCountingEvents() throws Exception {
    pickPorts();
    Process first = startDev("first.log");
    // The app lives on in PostgreSQL and the broker's data: the restarted dev knows it too.
    MetadataUsers owner = MetadataUsers.ownerWithApp("http://127.0.0.1:" + metadataApiPort);
    String token = tokenFromDataDir(owner.appId());
    AppConfigs.awaitAccepted("http://127.0.0.1:" + collectorPort, token);

    // Acknowledged events, then SIGKILL at once: whatever the topology had not committed yet
    // must be processed exactly once after the restart.
    send(token, "/a", 25);
    send(token, "/b", 15);
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

    startDev("second.log");
    send(token, "/a", 10);

    String expected = "/a=35,/b=15";
    String pages = "http://127.0.0.1:" + queryApiPort + "/v1/apps/" + owner.appId() + "/pages";
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> HttpCalls.pageviewsPerPath(HttpCalls.get(pages, owner.apiKey())),
            expected::equals);
    // And it stays there: a replay that counted twice would push it past.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> HttpCalls.pageviewsPerPath(HttpCalls.get(pages, owner.apiKey())),
            expected::equals);
  }

  @Test
  void sigtermStopsDevCleanly() throws Exception {
    pickPorts();
    Process dev = startDev("sigterm.log");
    dev.destroy();
    assertThat(dev.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(dev.exitValue()).isEqualTo(143); // 128 + SIGTERM: the JVM's exit after hooks ran
    String log = Files.readString(dir.resolve("sigterm.log"));
    assertThat(log).contains("Stopped");
    assertThat(log).doesNotContain("ERROR");
    assertThat(Files.exists(dataDir.resolve("redis").resolve("redis.pid"))).isFalse();
  }

  private void pickPorts() throws IOException {
    collectorPort = HttpCalls.freePort();
    queryApiPort = HttpCalls.freePort();
    metadataApiPort = HttpCalls.freePort();
    kafkaPort = HttpCalls.freePort();
    portOptions =
        List.of(
            "--collector-port=" + collectorPort,
            "--query-api-port=" + queryApiPort,
            "--metadata-api-port=" + metadataApiPort,
            "--topology-port=" + HttpCalls.freePort(),
            "--kafka-port=" + kafkaPort,
            "--kafka-controller-port=" + HttpCalls.freePort(),
            "--postgres-port=" + HttpCalls.freePort(),
            "--redis-port=" + HttpCalls.freePort());
  }

  private Process startDev(String logName) throws Exception {
    Files.createDirectories(dir);
    Path log = dir.resolve(logName);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Clickstream.class.getName());
    command.add("dev");
    command.add("--data-dir=" + dataDir);
    command.addAll(portOptions);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    // Everything embedded, whatever the environment of the test run points at.
    builder
        .environment()
        .keySet()
        .removeAll(List.of("KAFKA_BOOTSTRAP_SERVERS", "DATABASE_URL", "REDIS_URL"));
    Process child = builder.start();
    children.add(child);
    await()
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              assertThat(child.isAlive()).as("dev exited; see %s", log).isTrue();
              return Files.readString(log).contains("Press Ctrl-C to stop.");
            });
    return child;
  }

  private String tokenFromDataDir(String appId) throws IOException {
    byte[] key =
        Files.readString(dataDir.resolve("secrets").resolve("token-key"))
            .trim()
            .getBytes(StandardCharsets.UTF_8);
    return new AppTokens(key).issue(appId, "test-token", Instant.now());
  }

  private void send(String token, String path, int count) throws Exception {
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(
          Map.of(
              "id",
              UUID.randomUUID().toString(),
              "type",
              "pageview",
              "url",
              "https://kill.example" + path,
              "ts",
              System.currentTimeMillis()));
    }
    assertThat(
            HttpCalls.postEvents(
                    "http://127.0.0.1:" + collectorPort,
                    "application/json",
                    Map.of(
                        "token", token, "visitor_id", "v-" + path.substring(1), "events", events))
                .path("accepted")
                .asInt())
        .isEqualTo(count);
  }
}
