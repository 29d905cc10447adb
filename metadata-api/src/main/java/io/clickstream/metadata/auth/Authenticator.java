package io.clickstream.metadata.auth;

import io.clickstream.metadata.db.Sql;
import io.clickstream.metadata.db.Transactor;
import io.clickstream.platform.auth.AccessTokens;
import io.clickstream.platform.auth.Principal;
import io.clickstream.platform.http.ApiException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Locale;
import java.util.Optional;

/**
 * Who is calling: the user of a valid {@code Authorization: Bearer} access token who still exists.
 * Checking the user in the database (one primary-key lookup) makes account deletion take effect at
 * once rather than when the token expires.
 */
public final class Authenticator {
  private final AccessTokens tokens;
  private final Transactor db;

  public Authenticator(AccessTokens tokens, Transactor db) {
    this.tokens = tokens;
    this.db = db;
  }

  public Principal require(HttpServerExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    if (header == null
        || header.length() < 8
        || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      throw unauthorized();
    }
    Principal claimed =
        tokens.verify(header.substring(7).trim()).orElseThrow(Authenticator::unauthorized);
    Optional<Principal> current =
        db.read(
            c ->
                Sql.one(
                    c,
                    "SELECT u.id, u.email, o.id AS organisation_id, o.domain FROM users u"
                        + " JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?",
                    row ->
                        new Principal(
                            Sql.uuid(row, "id"),
                            Sql.uuid(row, "organisation_id"),
                            row.getString("domain"),
                            row.getString("email")),
                    claimed.userId()));
    return current.orElseThrow(Authenticator::unauthorized);
  }

  private static ApiException unauthorized() {
    return new ApiException(
        401, "unauthorized", "A valid access token is required (Authorization: Bearer …).");
  }
}
