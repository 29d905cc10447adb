package io.clickstream.collector;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Ready when the Kafka cluster answered recently; the answer is cached to keep probes cheap. */
final class KafkaReadiness implements BooleanSupplier, AutoCloseable {
  private static final Duration CACHE = Duration.ofSeconds(2);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final Admin admin;
  private long checkedAt;
  private boolean lastAnswer;

  KafkaReadiness(String bootstrapServers) {
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "clickstream-collector-readiness"));
  }

  @Override
  public synchronized boolean getAsBoolean() {
    long now = System.nanoTime();
    if (checkedAt != 0 && now - checkedAt < CACHE.toNanos()) {
      return lastAnswer;
    }
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
          .nodes()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      lastAnswer = true;
    } catch (Exception e) {
      lastAnswer = false;
    }
    checkedAt = now;
    return lastAnswer;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
