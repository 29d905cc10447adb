package io.clickstream.model.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An app's limits and session rule (DESIGN §6). */
public record AppSettings(
    @JsonProperty("rate_limit_eps") int rateLimitEps,
    @JsonProperty("max_connections") int maxConnections,
    @JsonProperty("session_timeout_min") int sessionTimeoutMin) {

  public static final AppSettings DEFAULTS = new AppSettings(1_000, 10_000, 30);
}
