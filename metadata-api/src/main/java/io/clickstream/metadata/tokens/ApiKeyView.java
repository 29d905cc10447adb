package io.clickstream.metadata.tokens;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A read API key; {@code key} is present only in the answer that created it. */
public record ApiKeyView(
    String id,
    String name,
    String key,
    String prefix,
    @JsonProperty("created_by") String createdBy,
    @JsonProperty("created_at") String createdAt) {}
