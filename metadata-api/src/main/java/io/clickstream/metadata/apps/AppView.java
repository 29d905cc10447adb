package io.clickstream.metadata.apps;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clickstream.metadata.auth.Role;
import io.clickstream.model.config.AppSettings;

/**
 * An app as the API shows it, with the caller's role. {@code token} is the active app token's id
 * and issue time (never the token itself), absent when there is none.
 */
public record AppView(
    String id,
    String name,
    String url,
    String description,
    @JsonProperty("public") boolean isPublic,
    AppSettings settings,
    boolean locked,
    Role role,
    @JsonProperty("owner_id") String ownerId,
    @JsonProperty("organisation_id") String organisationId,
    ActiveToken token,
    long version,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt) {

  /** The active app token, described. */
  public record ActiveToken(String id, @JsonProperty("issued_at") String issuedAt) {}
}
