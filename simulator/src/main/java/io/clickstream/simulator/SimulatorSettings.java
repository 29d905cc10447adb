package io.clickstream.simulator;

import io.clickstream.simulator.behaviour.TrafficModel.Mix;
import io.clickstream.simulator.truth.FunnelSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to simulate.
 *
 * @param collectorUrl the collector, for the http and ws transports
 * @param kafkaBootstrapServers the broker, for the kafka transport
 * @param tokens app tokens; visitors are spread over their apps
 * @param visitors the size of the visitor population
 * @param events how many events to send in all (duplicate deliveries included); 0 = no limit
 * @param duration how long to send (wall time); null = no limit
 * @param rate events per second once the ramp is over
 * @param ramp how long the rate takes to grow from 0 to {@code rate}
 * @param concurrency parallel senders (for ws: parallel sockets)
 * @param truthFile where to write the ground truth, or null
 * @param funnel the funnel whose attempts the truth counts, or null
 */
public record SimulatorSettings(
    TransportKind transport,
    String collectorUrl,
    String kafkaBootstrapServers,
    List<String> tokens,
    int visitors,
    long events,
    Duration duration,
    double rate,
    Duration ramp,
    long seed,
    int concurrency,
    Mix mix,
    Path truthFile,
    FunnelSpec funnel) {

  /** How events reach the pipeline. */
  public enum TransportKind {
    HTTP,
    WS,
    KAFKA
  }

  public SimulatorSettings {
    tokens = List.copyOf(tokens);
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("at least one app token");
    }
    if (visitors < 1 || concurrency < 1 || events < 0) {
      throw new IllegalArgumentException(
          "visitors and concurrency are positive, events not negative");
    }
  }

  /** The gentle, endless traffic of {@code dev --demo}. */
  public static SimulatorSettings demo(String collectorUrl, String token, long seed) {
    return new SimulatorSettings(
        TransportKind.HTTP,
        collectorUrl,
        null,
        List.of(token),
        5_000,
        0,
        null,
        5,
        Duration.ZERO,
        seed,
        2,
        Mix.DEFAULT,
        null,
        null);
  }
}
