package io.clickstream.launcher;

import io.clickstream.collector.CollectorService;
import io.clickstream.collector.CollectorSettings;
import io.clickstream.platform.kafka.TopicInitializer;
import io.clickstream.platform.kafka.Topics;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "collector",
    mixinStandardHelpOptions = true,
    description = "Ingest events over HTTP into Kafka (port 8080).")
final class CollectorCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Options.Http http;
  @Mixin Options.Kafka kafka;
  @Mixin Options.Secrets secrets;

  @Option(
      names = "--port",
      defaultValue = "${env:COLLECTOR_PORT:-8080}",
      description = "HTTP port. Env: COLLECTOR_PORT. Default: ${DEFAULT-VALUE}")
  int port;

  @Override
  public Integer call() throws Exception {
    byte[] tokenKey = Secrets.tokenKey(spec.commandLine(), secrets.tokenKey);
    Lifecycle lifecycle = new Lifecycle();
    TopicInitializer.initialize(kafka.bootstrapServers, kafka.replicationFactor, Topics.all());
    lifecycle
        .started(
            new CollectorService(
                new CollectorSettings(
                    http.host,
                    port,
                    kafka.bootstrapServers,
                    tokenKey,
                    Secrets.ipSalt(secrets.ipSalt),
                    EnvOverrides.withPrefix("KAFKA_PRODUCER_")),
                Clock.systemUTC()))
        .start();
    lifecycle.awaitShutdown();
    return 0;
  }
}
