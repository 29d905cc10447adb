package io.clickstream.metadata.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** A catalogue product, by the app's own product id. */
public record ProductView(
    String id,
    @JsonProperty("app_id") String appId,
    String name,
    String category,
    BigDecimal price,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt) {}
