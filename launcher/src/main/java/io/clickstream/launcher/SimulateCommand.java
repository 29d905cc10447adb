package io.clickstream.launcher;

import io.clickstream.simulator.Simulator;
import io.clickstream.simulator.SimulatorSettings;
import io.clickstream.simulator.SimulatorSettings.TransportKind;
import io.clickstream.simulator.behaviour.TrafficModel.Mix;
import io.clickstream.simulator.truth.FunnelSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Send realistic synthetic traffic (docs/simulator.md) to a collector or to Kafka,",
      "and with --truth write the exact figures the pipeline must then report.",
      "Exits 1 when the collector refused more than meant to be, or requests failed."
    })
final class SimulateCommand implements Callable<Integer> {
  private static final long DEFAULT_EVENTS = 10_000;

  @Spec CommandSpec spec;

  @Option(
      names = "--collector",
      defaultValue = "${env:SIMULATOR_COLLECTOR:-http://localhost:8080}",
      description = "Collector URL. Env: SIMULATOR_COLLECTOR. Default: ${DEFAULT-VALUE}")
  String collector;

  @Option(
      names = "--token",
      required = true,
      split = ",",
      defaultValue = "${env:SIMULATOR_TOKEN}",
      description =
          "App token(s), comma-separated; visitors are spread over their apps. Env: SIMULATOR_TOKEN.")
  List<String> tokens;

  @Option(
      names = "--transport",
      defaultValue = "${env:SIMULATOR_TRANSPORT:-http}",
      converter = TransportConverter.class,
      description =
          "http (batches to POST /v1/events), ws (hello, WebSocket frames, goodbye) or kafka"
              + " (straight to the events topic). Env: SIMULATOR_TRANSPORT. Default: ${DEFAULT-VALUE}")
  TransportKind transport;

  @Option(
      names = "--bootstrap-servers",
      defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
      description =
          "Kafka bootstrap servers, for --transport kafka. Env: KAFKA_BOOTSTRAP_SERVERS."
              + " Default: ${DEFAULT-VALUE}")
  String bootstrapServers;

  @Option(
      names = "--visitors",
      defaultValue = "${env:SIMULATOR_VISITORS:-1000}",
      description = "Visitor population. Env: SIMULATOR_VISITORS. Default: ${DEFAULT-VALUE}")
  int visitors;

  @Option(
      names = "--events",
      defaultValue = "${env:SIMULATOR_EVENTS}",
      description =
          "Events to send, duplicate deliveries included (0: no limit). Without --events and"
              + " --duration: "
              + DEFAULT_EVENTS
              + ". Env: SIMULATOR_EVENTS.")
  Long events;

  @Option(
      names = "--duration",
      defaultValue = "${env:SIMULATOR_DURATION}",
      converter = DurationConverter.class,
      description = "How long to send, e.g. 90s, 10m, 2h. Env: SIMULATOR_DURATION.")
  Duration duration;

  @Option(
      names = "--rate",
      defaultValue = "${env:SIMULATOR_RATE:-100}",
      description = "Events per second. Env: SIMULATOR_RATE. Default: ${DEFAULT-VALUE}")
  double rate;

  @Option(
      names = "--ramp",
      defaultValue = "${env:SIMULATOR_RAMP:-0s}",
      converter = DurationConverter.class,
      description =
          "Time for the rate to grow linearly from 0 to --rate. Env: SIMULATOR_RAMP."
              + " Default: ${DEFAULT-VALUE}")
  Duration ramp;

  @Option(
      names = "--seed",
      defaultValue = "${env:SIMULATOR_SEED:-42}",
      description =
          "Random seed: the same seed sends the same traffic. Env: SIMULATOR_SEED. Default: ${DEFAULT-VALUE}")
  long seed;

  @Option(
      names = "--concurrency",
      defaultValue = "${env:SIMULATOR_CONCURRENCY:-8}",
      description =
          "Parallel senders (with ws: parallel sockets). Env: SIMULATOR_CONCURRENCY."
              + " Default: ${DEFAULT-VALUE}")
  int concurrency;

  @Option(
      names = "--truth",
      defaultValue = "${env:SIMULATOR_TRUTH}",
      description =
          "Write the figures the pipeline must report for what was accepted to this JSON file."
              + " Env: SIMULATOR_TRUTH.")
  Path truth;

  @Option(
      names = "--funnel",
      defaultValue = "${env:SIMULATOR_FUNNEL}",
      description =
          "A funnel definition {steps:[{type, match}], window_ms} whose attempts the truth counts."
              + " Env: SIMULATOR_FUNNEL.")
  Path funnel;

  @Override
  public Integer call() throws Exception {
    if (visitors < 1 || concurrency < 1 || !(rate > 0)) {
      throw new ParameterException(
          spec.commandLine(), "--visitors, --concurrency and --rate must be positive.");
    }
    long eventLimit = events != null ? events : duration != null ? 0 : DEFAULT_EVENTS;
    SimulatorSettings settings =
        new SimulatorSettings(
            transport,
            collector,
            bootstrapServers,
            tokens,
            visitors,
            eventLimit,
            duration,
            rate,
            ramp,
            seed,
            concurrency,
            Mix.DEFAULT,
            truth,
            funnel == null ? null : FunnelSpec.read(funnel));
    Simulator simulator = new Simulator(settings, System.out, System.console() != null);
    Thread main = Thread.currentThread();
    Thread hook =
        new Thread(
            () -> {
              simulator.stop();
              try {
                main.join(30_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Runtime.getRuntime().addShutdownHook(hook);
    int exit = simulator.run().exitCode();
    Runtime.getRuntime().removeShutdownHook(hook);
    return exit;
  }

  /** 90s, 10m, 2h, 1d, or ISO-8601 (PT90S). */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String text = value.trim().toLowerCase(Locale.ROOT);
      if (text.startsWith("p")) {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      }
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      return switch (text.charAt(text.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default -> throw new IllegalArgumentException("not a duration: " + value);
      };
    }
  }

  static final class TransportConverter implements ITypeConverter<TransportKind> {
    @Override
    public TransportKind convert(String value) {
      return TransportKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
  }
}
