package io.clickstream.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicsTest {

  private static final long SEVEN_DAYS_MS = 604_800_000L;

  @Test
  void everyTopicIsNamedOnceWithItsPartitionsAndRetention() {
    assertThat(Topics.all())
        .containsExactly(
            new TopicSpec("clickstream.events", 6, false, SEVEN_DAYS_MS),
            new TopicSpec("clickstream.events.dlq", 3, false, SEVEN_DAYS_MS),
            new TopicSpec("clickstream.sessions", 6, false, SEVEN_DAYS_MS),
            new TopicSpec("clickstream.config.apps", 3, true, -1),
            new TopicSpec("clickstream.config.token-revocations", 3, true, -1),
            new TopicSpec("clickstream.config.funnels", 3, true, -1),
            new TopicSpec("clickstream.config.products", 3, true, -1));
  }

  @Test
  void oneParameterSetsTheEventPartitionsAndCapsTheSideTopics() {
    assertThat(Topics.all(12))
        .extracting(TopicSpec::partitions)
        .containsExactly(12, 3, 12, 3, 3, 3, 3);
    assertThat(Topics.all(1)).extracting(TopicSpec::partitions).containsOnly(1);
  }

  @Test
  void aCompactedTopicKeptForeverBecomesACompactTopicWithoutRetention() {
    NewTopic topic = new TopicSpec("t", 3, true, TopicSpec.RETAIN_FOREVER).toNewTopic((short) 1);

    assertThat(topic.name()).isEqualTo("t");
    assertThat(topic.numPartitions()).isEqualTo(3);
    assertThat(topic.replicationFactor()).isEqualTo((short) 1);
    assertThat(topic.configs())
        .isEqualTo(Map.of("cleanup.policy", "compact", "retention.ms", "-1"));
  }

  @Test
  void aDeleteTopicKeepsItsRecordsForItsRetention() {
    NewTopic topic = new TopicSpec("t", 6, false, SEVEN_DAYS_MS).toNewTopic((short) 3);

    assertThat(topic.replicationFactor()).isEqualTo((short) 3);
    assertThat(topic.configs())
        .isEqualTo(Map.of("cleanup.policy", "delete", "retention.ms", "604800000"));
  }

  @Test
  void aTopicNeedsAtLeastOnePartition() {
    assertThatThrownBy(() -> new TopicSpec("t", 0, false, SEVEN_DAYS_MS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
