package io.clickstream.metadata.auth;

import io.clickstream.platform.auth.Principal;
import java.util.UUID;

/** An app a request was allowed to act on, with the caller's role and the app's lock state. */
public record AppAccess(
    UUID appId, UUID organisationId, UUID ownerId, Role role, boolean locked, Principal caller) {}
