package io.clickstream.platform.kafka;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The producer settings of everything that writes {@link Topics#EVENTS}: the collector, and the
 * simulator when it bypasses the collector. Each adds its own timeouts and buffer.
 */
public final class EventProducers {
  private EventProducers() {}

  public static Properties settings(String bootstrapServers, String clientId) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // Every answer waits for its acknowledgement, so linger is added to each request's latency:
    // 10 ms keeps that small while batching well under load (JSON events compress ~4x with lz4,
    // and a 256 KiB batch holds ~700 of them before compression).
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    return props;
  }
}
