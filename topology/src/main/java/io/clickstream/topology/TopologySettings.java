package io.clickstream.topology;

import io.clickstream.platform.kafka.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/**
 * What a topology instance needs, and the Kafka Streams configuration derived from it in one place:
 * exactly-once v2, explicit names for every internal resource, bounded caches.
 *
 * @param overrides raw Kafka Streams properties that win over the defaults (from {@code
 *     KAFKA_STREAMS_*} settings).
 */
public record TopologySettings(
    String applicationId,
    String bootstrapServers,
    String redisUrl,
    Path stateDir,
    String host,
    int httpPort,
    int streamThreads,
    Duration mirrorInterval,
    boolean rebuildMirror,
    Map<String, String> overrides) {

  public Properties streamsConfig() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64 * 1024 * 1024L);
    // Poison records and records a processor fails on go to the dead-letter topic with the
    // exception in their headers, and processing goes on.
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.EVENTS_DLQ);
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class);
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    // One fetch request covers every assigned partition that is not paused, and a new one waits
    // for the last. Read-committed, the repartition topic has nothing to return until stage 1
    // commits, so with the default 500 ms the request sat on the broker while the input
    // partitions, resumed meanwhile, waited behind it (74 % of the thread's time in poll at a
    // 500 ms commit interval; 3 % with 10 ms).
    props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 10);
    props.putAll(overrides);
    return props;
  }
}
