package io.clickstream.metadata.tokens;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A freshly issued app token with the snippet that carries it (DESIGN §6). */
public record IssuedToken(
    String token,
    String snippet,
    @JsonProperty("token_id") String tokenId,
    @JsonProperty("issued_at") String issuedAt,
    @JsonProperty("revoked_token_ids") java.util.List<String> revokedTokenIds,
    boolean locked) {}
