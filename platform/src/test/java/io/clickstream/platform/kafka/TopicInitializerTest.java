package io.clickstream.platform.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class TopicInitializerTest {

  @Test
  void anUnreachableClusterFailsWithinTheTimeoutNamingWhatItWasDoing() {
    // Port 9 (discard) has no Kafka broker listening.
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9"))) {
      TopicInitializer initializer = new TopicInitializer(admin, (short) 1, Duration.ofMillis(500));

      assertThatThrownBy(() -> initializer.initialize(Topics.all()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Cannot list topics");
    }
  }
}
