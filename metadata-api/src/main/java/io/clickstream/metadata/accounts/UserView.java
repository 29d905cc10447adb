package io.clickstream.metadata.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A user as the API shows it. */
public record UserView(
    String id,
    String email,
    String name,
    Organisation organisation,
    @JsonProperty("created_at") String createdAt) {

  /** The user's organisation: their email's domain. */
  public record Organisation(String id, String domain) {}
}
