package io.clickstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.collector.CollectorService;
import io.clickstream.collector.CollectorSettings;
import io.clickstream.embedded.TestServices;
import io.clickstream.model.Json;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.simulator.Simulator;
import io.clickstream.simulator.SimulatorSettings;
import io.clickstream.simulator.SimulatorSettings.TransportKind;
import io.clickstream.simulator.behaviour.TrafficModel.Mix;
import io.clickstream.simulator.truth.AppTruth;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code clickstream simulate} as a user runs it, against a real collector. */
class SimulateCommandTest {
  private static final byte[] KEY =
      "simulate-command-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private static CollectorService collector;
  private final Path dir = Path.of("target", "simulate-command-test", UUID.randomUUID().toString());

  @BeforeAll
  static void start() {
    collector =
        new CollectorService(
                new CollectorSettings(
                    "127.0.0.1",
                    0,
                    TestServices.get().kafkaBootstrapServers(),
                    KEY,
                    "salt",
                    Map.of()),
                Clock.systemUTC())
            .start();
  }

  @AfterAll
  static void stop() {
    collector.close();
  }

  @Test
  void aRunForADurationWritesTheTruthWithTheFunnelAndExitsZero() throws Exception {
    String token = tokenOfKnownApp();
    Files.createDirectories(dir);
    Path funnel = dir.resolve("funnel.json");
    Files.writeString(
        funnel,
        "{\"steps\":[{\"type\":\"pageview\",\"match\":{\"path\":\"/products/*\"}},"
            + "{\"type\":\"pageview\",\"match\":{\"path\":\"/cart\"},\"label\":\"Cart\"}],"
            + "\"window_ms\":1800000}");
    Path truth = dir.resolve("truth.json");

    int exit =
        run(
            "simulate",
            "--collector=" + collector.url(),
            "--token=" + token,
            "--transport=ws",
            "--visitors=20",
            "--duration=1s",
            "--rate=150",
            "--concurrency=3",
            "--truth=" + truth,
            "--funnel=" + funnel);

    assertThat(exit).isZero();
    JsonNode written = Json.readTree(Files.readString(truth));
    assertThat(written.path("complete").asBoolean()).isTrue();
    assertThat(written.path("overview").path("pageviews").asLong()).isPositive();
    assertThat(written.path("funnel").path("steps").toString())
        .isEqualTo("[\"pageview\",\"Cart\"]");
  }

  @Test
  void severalTokensSpreadTheVisitorsOverTheirAppsAndTheTruthKeepsThemApart() throws Exception {
    String first = tokenOfKnownApp();
    String second = tokenOfKnownApp();
    Path truth = dir.resolve("truth.json");

    int exit =
        run(
            "simulate",
            "--collector=" + collector.url(),
            "--token=" + first + "," + second,
            "--visitors=10",
            "--events=200",
            "--rate=2000",
            "--truth=" + truth);

    assertThat(exit).isZero();
    JsonNode apps = Json.readTree(Files.readString(truth)).path("apps");
    assertThat(apps.size()).isEqualTo(2);
    apps.forEach(app -> assertThat(app.path("overview").path("events").asLong()).isPositive());
  }

  @Test
  void theSameSeedGivesTheSameTruthWhateverTheConcurrency() throws Exception {
    AppTruth oneSender = simulate(tokenOfKnownApp(), 1);
    AppTruth sixSenders = simulate(tokenOfKnownApp(), 6);

    assertThat(sixSenders.overview()).isEqualTo(oneSender.overview());
    assertThat(sixSenders.pages()).isEqualTo(oneSender.pages());
    assertThat(sixSenders.events()).isEqualTo(oneSender.events());
    assertThat(sixSenders.products()).isEqualTo(oneSender.products());
    assertThat(sixSenders.bots()).isEqualTo(oneSender.bots());
    assertThat(oneSender.overview().pageviews()).isPositive();
  }

  private AppTruth simulate(String token, int concurrency) {
    Simulator.Result result =
        new Simulator(
                new SimulatorSettings(
                    TransportKind.HTTP,
                    collector.url(),
                    null,
                    List.of(token),
                    30,
                    300,
                    null,
                    3_000,
                    Duration.ZERO,
                    2026,
                    concurrency,
                    Mix.DEFAULT,
                    dir.resolve("truth-" + concurrency + ".json"),
                    null))
            .run();
    assertThat(result.exitCode()).isZero();
    return result.truth().values().iterator().next();
  }

  @Test
  void aRunWhoseEventsTheCollectorRefusesExitsOne() {
    // A validly signed token of an app the collector never heard of: every batch gets 401.
    String token = new AppTokens(KEY).issue("unknown-app", "t1", Instant.now());

    int exit =
        run(
            "simulate",
            "--collector=" + collector.url(),
            "--token=" + token,
            "--events=20",
            "--rate=1000");

    assertThat(exit).isEqualTo(1);
  }

  private static String tokenOfKnownApp() throws Exception {
    String appId = "cli-" + UUID.randomUUID().toString().substring(0, 8);
    String token = new AppTokens(KEY).issue(appId, "t1", Instant.now());
    AppConfigs.publish(TestServices.get().kafkaBootstrapServers(), appId);
    AppConfigs.awaitAccepted(collector.url(), token);
    return token;
  }

  private static int run(String... args) {
    return new CommandLine(new Clickstream()).execute(args);
  }
}
