package io.clickstream.metadata.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clickstream.model.config.FunnelDefinition.FunnelStep;
import java.util.List;

/** A funnel as the API shows it. */
public record FunnelView(
    String id,
    @JsonProperty("app_id") String appId,
    String name,
    List<FunnelStep> steps,
    @JsonProperty("window_ms") long windowMs,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt) {}
