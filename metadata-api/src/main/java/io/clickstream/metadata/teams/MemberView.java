package io.clickstream.metadata.teams;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clickstream.metadata.auth.Role;

/** A member of an app (the owner included). */
public record MemberView(
    @JsonProperty("user_id") String userId,
    String email,
    String name,
    Role role,
    @JsonProperty("joined_at") String joinedAt) {}
