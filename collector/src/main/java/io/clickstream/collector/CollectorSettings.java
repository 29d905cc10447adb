package io.clickstream.collector;

import java.util.Map;

/**
 * What a collector needs.
 *
 * @param tokenKey the key app tokens are signed with (shared with the metadata API)
 * @param ipSalt secret mixed into the daily IP hash; never logged
 * @param producerOverrides raw Kafka producer properties that win over the defaults
 */
public record CollectorSettings(
    String host,
    int port,
    String bootstrapServers,
    byte[] tokenKey,
    String ipSalt,
    Map<String, String> producerOverrides) {}
