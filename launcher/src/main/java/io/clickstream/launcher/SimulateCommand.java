package io.clickstream.launcher;

import io.clickstream.simulator.Simulator;
import io.clickstream.simulator.SimulatorSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Send synthetic visitors' events to a collector.")
final class SimulateCommand implements Callable<Integer> {
  @Option(
      names = "--collector",
      defaultValue = "${env:SIMULATOR_COLLECTOR:-http://localhost:8080}",
      description = "Collector URL. Env: SIMULATOR_COLLECTOR. Default: ${DEFAULT-VALUE}")
  String collector;

  @Option(
      names = "--token",
      required = true,
      defaultValue = "${env:SIMULATOR_TOKEN}",
      description = "App token to send with. Env: SIMULATOR_TOKEN.")
  String token;

  @Option(
      names = "--visitors",
      defaultValue = "${env:SIMULATOR_VISITORS:-100}",
      description = "Distinct visitors. Env: SIMULATOR_VISITORS. Default: ${DEFAULT-VALUE}")
  int visitors;

  @Option(
      names = "--events",
      defaultValue = "${env:SIMULATOR_EVENTS:-1000}",
      description =
          "Events to send (0: until stopped). Env: SIMULATOR_EVENTS. Default: ${DEFAULT-VALUE}")
  long events;

  @Option(
      names = "--rate",
      defaultValue = "${env:SIMULATOR_RATE:-100}",
      description = "Events per second. Env: SIMULATOR_RATE. Default: ${DEFAULT-VALUE}")
  double rate;

  @Option(
      names = "--seed",
      defaultValue = "${env:SIMULATOR_SEED:-42}",
      description =
          "Random seed: the same seed sends the same traffic. Env: SIMULATOR_SEED. Default: ${DEFAULT-VALUE}")
  long seed;

  @Override
  public Integer call() {
    Simulator simulator =
        new Simulator(new SimulatorSettings(collector, token, visitors, events, rate, seed));
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop));
    simulator.run();
    System.out.printf(
        "sent %d events, %d accepted, %d failed requests%n",
        simulator.sent(), simulator.accepted(), simulator.failedRequests());
    return simulator.failedRequests() == 0 && simulator.accepted() == simulator.sent() ? 0 : 1;
  }
}
