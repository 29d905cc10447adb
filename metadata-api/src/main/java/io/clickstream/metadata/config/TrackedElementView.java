package io.clickstream.metadata.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A page element whose interactions the tracker reports, by CSS selector. */
public record TrackedElementView(
    String id,
    @JsonProperty("app_id") String appId,
    String name,
    String selector,
    List<String> events,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt) {}
