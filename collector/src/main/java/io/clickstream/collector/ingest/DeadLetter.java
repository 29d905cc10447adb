package io.clickstream.collector.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** A rejected event on {@code clickstream.events.dlq}, with why it was rejected. */
public record DeadLetter(
    @JsonProperty("app_id") String appId,
    @JsonProperty("visitor_id") String visitorId,
    int index,
    String reason,
    JsonNode event,
    @JsonProperty("received_at") long receivedAt) {}
