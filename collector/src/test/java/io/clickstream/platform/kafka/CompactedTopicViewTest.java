package io.clickstream.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clickstream.embedded.TestServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's compacted-topic reader on the real broker. It lives in the collector's tests
 * because platform cannot depend on the embedded broker (embedded depends on platform).
 */
class CompactedTopicViewTest {
  private static final Function<byte[], String> TEXT =
      bytes -> {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("corrupt")) {
          throw new IllegalArgumentException("unreadable");
        }
        return text;
      };

  private static String bootstrapServers;

  @BeforeAll
  static void broker() {
    bootstrapServers = TestServices.get().kafkaBootstrapServers();
  }

  @Test
  void holdsTheLatestValuePerKeyAndForgetsTombstonedKeysOnceCaughtUp() throws Exception {
    String topic = newTopic();
    send(topic, "app-1", "v1");
    send(topic, "app-2", "v1");
    send(topic, "app-1", "v2");
    send(topic, "app-3", "v1");
    send(topic, "app-3", null);

    try (CompactedTopicView<String> view = view(topic).start()) {
      assertThat(view.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

      assertThat(view.isCaughtUp()).isTrue();
      assertThat(view.snapshot()).isEqualTo(Map.of("app-1", "v2", "app-2", "v1"));
      assertThat(view.get("app-1")).hasValue("v2");
      assertThat(view.get("app-3")).isEmpty();
      assertThat(view.size()).isEqualTo(2);
    }
  }

  @Test
  void anEmptyTopicIsCaughtUpAtOnce() throws Exception {
    try (CompactedTopicView<String> view = view(newTopic()).start()) {
      assertThat(view.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
      assertThat(view.snapshot()).isEmpty();
    }
  }

  @Test
  void listenersHearOfEveryChangeWithTheOldAndNewValueInOrder() throws Exception {
    String topic = newTopic();
    send(topic, "app-1", "v1");
    List<String> changes = Collections.synchronizedList(new ArrayList<>());
    try (CompactedTopicView<String> view =
        view(topic)
            .addListener((key, old, now) -> changes.add(key + ":" + old + "->" + now))
            .start()) {
      assertThat(view.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

      send(topic, "app-1", "v2");
      send(topic, "app-1", null);
      send(topic, "app-1", "v3");

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(changes)
                      .containsExactly(
                          "app-1:null->v1", "app-1:v1->v2", "app-1:v2->null", "app-1:null->v3"));
      assertThat(view.get("app-1")).hasValue("v3");
    }
  }

  @Test
  void anUnreadableValueIsSkippedAndTheKeyKeepsItsPreviousValue() throws Exception {
    String topic = newTopic();
    send(topic, "app-1", "v1");
    send(topic, "app-1", "corrupt bytes");
    send(topic, "app-2", "v1");

    try (CompactedTopicView<String> view = view(topic).start()) {
      assertThat(view.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

      assertThat(view.snapshot()).isEqualTo(Map.of("app-1", "v1", "app-2", "v1"));
    }
  }

  @Test
  void aTopicCreatedAfterTheViewStartedIsReadOnceItExists() throws Exception {
    String topic = "view-test-late-" + UUID.randomUUID();
    try (CompactedTopicView<String> view = view(topic).start()) {
      assertThat(view.awaitCaughtUp(Duration.ofMillis(300))).isFalse();

      TopicInitializer.initialize(
          bootstrapServers,
          (short) 1,
          List.of(new TopicSpec(topic, 2, true, TopicSpec.RETAIN_FOREVER)));
      send(topic, "app-1", "v1");

      assertThat(view.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(view.get("app-1")).hasValue("v1"));
    }
  }

  private static CompactedTopicView<String> view(String topic) {
    return new CompactedTopicView<>(bootstrapServers, topic, TEXT, "view-test");
  }

  private static String newTopic() {
    String topic = "view-test-" + UUID.randomUUID();
    TopicInitializer.initialize(
        bootstrapServers,
        (short) 1,
        List.of(new TopicSpec(topic, 3, true, TopicSpec.RETAIN_FOREVER)));
    return topic;
  }

  private static void send(String topic, String key, String value)
      throws InterruptedException, ExecutionException {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }
}
