package io.clickstream.model.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A product's catalogue entry on {@code clickstream.config.products}, keyed {@code appId:productId}
 * (a tombstone when deleted), joined to product metrics by id.
 */
public record ProductInfo(
    @JsonProperty("app_id") String appId,
    @JsonProperty("product_id") String productId,
    String name,
    String category,
    Double price) {}
