package io.clickstream.launcher;

import io.clickstream.collector.CollectorService;
import io.clickstream.collector.CollectorSettings;
import io.clickstream.platform.kafka.TopicInitializer;
import io.clickstream.platform.kafka.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "collector",
    mixinStandardHelpOptions = true,
    description = "Ingest events over HTTP and WebSockets into Kafka (port 8080).")
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

  @Option(
      names = "--trusted-proxies",
      split = ",",
      defaultValue = "${env:CLICKSTREAM_TRUSTED_PROXIES:-}",
      description =
          "Comma-separated CIDRs of reverse proxies (e.g. 10.0.0.0/8) whose X-Forwarded-For,"
              + " -Proto and -Host headers are believed; from anyone else they are ignored."
              + " Env: CLICKSTREAM_TRUSTED_PROXIES. Default: none")
  List<String> trustedProxies;

  @Option(
      names = "--public-url",
      defaultValue = "${env:COLLECTOR_PUBLIC_URL}",
      description =
          "The collector's URL as browsers reach it (e.g. https://collect.example.com); hello"
              + " answers with a ws_url built from it. Env: COLLECTOR_PUBLIC_URL."
              + " Default: the scheme and host of each request")
  String publicUrl;

  @Option(
      names = "--ping-interval",
      defaultValue = "${env:COLLECTOR_PING_INTERVAL_SECONDS:-15}",
      description =
          "Seconds between pings on open WebSockets; a socket that misses two is dropped."
              + " Env: COLLECTOR_PING_INTERVAL_SECONDS. Default: ${DEFAULT-VALUE}")
  int pingIntervalSeconds;

  @Override
  public Integer call() throws Exception {
    byte[] tokenKey = Secrets.tokenKey(spec.commandLine(), secrets.tokenKey);
    CollectorSettings settings =
        new CollectorSettings(
                http.host,
                port,
                kafka.bootstrapServers,
                tokenKey,
                Secrets.ipSalt(secrets.ipSalt),
                EnvOverrides.withPrefix("KAFKA_PRODUCER_"))
            .withTrustedProxies(trustedProxies == null ? List.of() : trustedProxies)
            .withPublicUrl(publicUrl)
            .withPingInterval(Duration.ofSeconds(Math.max(1, pingIntervalSeconds)));
    CollectorService collector;
    try {
      collector = new CollectorService(settings, Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--trusted-proxies (CLICKSTREAM_TRUSTED_PROXIES): " + e.getMessage());
    }
    Lifecycle lifecycle = new Lifecycle();
    TopicInitializer.initialize(kafka.bootstrapServers, kafka.replicationFactor, Topics.all());
    lifecycle.started(collector).start();
    lifecycle.awaitShutdown();
    return 0;
  }
}
