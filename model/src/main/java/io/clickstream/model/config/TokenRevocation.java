package io.clickstream.model.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A revoked app token on {@code clickstream.config.token-revocations}, keyed by token id (the JWT's
 * {@code jti}). Kept forever: a revoked token must never work again.
 */
public record TokenRevocation(
    @JsonProperty("token_id") String tokenId,
    @JsonProperty("app_id") String appId,
    @JsonProperty("revoked_at") long revokedAt) {}
