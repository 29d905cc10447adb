package io.clickstream.metadata.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What login and refresh return (DESIGN §6). */
public record TokenPair(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn,
    @JsonProperty("refresh_token") String refreshToken) {}
