package io.clickstream.collector;

import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.http.HttpService;
import io.clickstream.platform.metrics.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/** The ingestion front door: HTTP in, Kafka out (DESIGN §3). */
public final class CollectorService implements AutoCloseable {
  private final EventPublisher publisher;
  private final KafkaReadiness kafkaReadiness;
  private final HttpService http;

  public CollectorService(CollectorSettings settings, Clock clock) {
    PrometheusMeterRegistry registry = Metrics.newRegistry("collector");
    this.publisher = new EventPublisher(settings.bootstrapServers(), settings.producerOverrides());
    this.kafkaReadiness = new KafkaReadiness(settings.bootstrapServers());
    EventsEndpoint events =
        new EventsEndpoint(
            new AppTokens(settings.tokenKey()),
            publisher,
            new IpAnonymizer(settings.ipSalt(), clock),
            clock,
            registry);
    this.http =
        HttpService.builder("collector", registry)
            .listen(settings.host(), settings.port())
            .post("/v1/events", events)
            .readiness("kafka", kafkaReadiness)
            .build();
  }

  public CollectorService start() {
    http.start();
    return this;
  }

  public String url() {
    return http.url();
  }

  public int port() {
    return http.port();
  }

  /** Stops taking requests, lets in-flight ones finish, then flushes and closes the producer. */
  @Override
  public void close() {
    http.close();
    publisher.close();
    kafkaReadiness.close();
  }
}
