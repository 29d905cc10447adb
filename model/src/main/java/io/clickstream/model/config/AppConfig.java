package io.clickstream.model.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An app as the stream sees it, on {@code clickstream.config.apps} keyed by app id (a tombstone
 * when the app is deleted). The collector uses it to accept the app's tokens, for CORS and for its
 * limits; the topology for the session timeout.
 *
 * @param url the app's site, e.g. {@code https://shop.example}; CORS origins are limited to it when
 *     set
 */
public record AppConfig(
    @JsonProperty("app_id") String appId,
    @JsonProperty("organisation_id") String organisationId,
    String name,
    String url,
    @JsonProperty("public") boolean isPublic,
    AppSettings settings,
    long version) {}
