package io.clickstream.platform.auth;

import java.util.UUID;

/** The signed-in user a request acts for. */
public record Principal(UUID userId, UUID organisationId, String organisation, String email) {}
