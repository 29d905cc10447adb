package io.clickstream.metadata.support;

/** A registered, logged-in user of a test. */
public record TestUser(
    String id, String email, String password, String accessToken, String refreshToken) {}
