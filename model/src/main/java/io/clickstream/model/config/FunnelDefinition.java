package io.clickstream.model.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A funnel on {@code clickstream.config.funnels}, keyed {@code appId:funnelId} (a tombstone when
 * deleted). DESIGN §4: ordered steps, each matching events of one type by path (exact or {@code *}
 * glob), target, custom name or product id, within {@code window_ms} of the first step.
 *
 * @param publishedAt when this version was published: it applies to events processed after it
 */
public record FunnelDefinition(
    @JsonProperty("app_id") String appId,
    @JsonProperty("funnel_id") String funnelId,
    String name,
    List<FunnelStep> steps,
    @JsonProperty("window_ms") long windowMs,
    @JsonProperty("published_at") long publishedAt) {

  /** One step: an event type and what of the event must match. */
  public record FunnelStep(String type, StepMatch match, String label) {}

  /** The fields a step matches on; absent fields match anything. */
  public record StepMatch(
      String path, String target, String name, @JsonProperty("product_id") String productId) {}
}
