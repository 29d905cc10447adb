package io.clickstream.metadata.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** An end user of the app: its own user id, traits, and the visitors identify linked to it. */
public record ProfileView(
    @JsonProperty("user_id") String userId,
    @JsonProperty("app_id") String appId,
    JsonNode traits,
    @JsonProperty("visitor_ids") List<String> visitorIds,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt) {}
