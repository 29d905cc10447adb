package io.clickstream.metadata.teams;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An invitation to join an app. */
public record InvitationView(
    String id,
    @JsonProperty("app_id") String appId,
    @JsonProperty("app_name") String appName,
    String email,
    String role,
    String status,
    @JsonProperty("invited_by") String invitedBy,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("expires_at") String expiresAt) {}
