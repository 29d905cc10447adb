package io.clickstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.platform.kafka.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InfrastructureTest {

  @Test
  void servicesGivenExternalAddressesAreUsedAndNotStarted() {
    Infrastructure shared = TestServices.get();
    ExternalServices external =
        new ExternalServices(
            Optional.of(shared.kafkaBootstrapServers()),
            Optional.of(shared.databaseUrl()),
            Optional.of(shared.redisUrl()));
    Path dataDir = SampleData.testDir().resolve("external");
    Infrastructure.deleteData(dataDir);

    try (Infrastructure infrastructure =
        new Infrastructure(
                external,
                dataDir,
                SampleData.testDir().resolve("binaries"),
                Ports.ephemeral(),
                Topics.all())
            .start()) {
      assertThat(infrastructure.kafkaBootstrapServers()).isEqualTo(shared.kafkaBootstrapServers());
      assertThat(infrastructure.databaseUrl()).isEqualTo(shared.databaseUrl());
      assertThat(infrastructure.redisUrl()).isEqualTo(shared.redisUrl());
      assertThat(Files.exists(dataDir)).isFalse();
    }
  }

  @Test
  void blankEnvironmentVariablesMeanEmbedded() {
    ExternalServices external =
        ExternalServices.fromEnvironment(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", " kafka:9092 ", "DATABASE_URL", "", "REDIS_URL", " "));

    assertThat(external)
        .isEqualTo(
            new ExternalServices(Optional.of("kafka:9092"), Optional.empty(), Optional.empty()));
  }
}
