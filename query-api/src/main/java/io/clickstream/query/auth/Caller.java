package io.clickstream.query.auth;

import io.clickstream.platform.auth.Principal;
import java.util.UUID;

/** Who a request comes from: a signed-in person, or a read-only API key of one app. */
public interface Caller {
  /** A person with a valid access token from the metadata API. */
  record User(Principal principal) implements Caller {}

  /** A read API key ({@code csk_…}); it reads exactly one app. */
  record ApiKey(UUID appId) implements Caller {}
}
