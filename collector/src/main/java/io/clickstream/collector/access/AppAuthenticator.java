package io.clickstream.collector.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.config.AppConfig;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.auth.AppTokens.AppToken;
import io.clickstream.platform.http.ApiException;
import java.util.Optional;

/**
 * Checks an app token without a database: the signature and expiry locally, revocation and the
 * app's existence against the {@link AppDirectory}. Every failure is a 401 whose message says which
 * check failed and never repeats the token.
 */
public final class AppAuthenticator {
  private final AppTokens tokens;
  private final AppDirectory directory;

  public AppAuthenticator(AppTokens tokens, AppDirectory directory) {
    this.tokens = tokens;
    this.directory = directory;
  }

  /** Authenticates the {@code token} field of a request body. */
  public AuthorizedApp authenticate(JsonNode token) {
    if (token == null || !token.isTextual()) {
      throw ApiException.unauthorized("An app token is required in 'token'.");
    }
    if (!directory.isLoaded()) {
      // Until the config topics are read, a valid token would look unknown: refuse for now.
      throw ApiException.unavailable(
          "The collector is still loading app configuration; retry shortly.", 2);
    }
    AppToken verified;
    try {
      verified = tokens.verify(token.asText());
    } catch (AppTokens.InvalidTokenException e) {
      throw ApiException.unauthorized("The app token is not valid: " + e.getMessage() + ".");
    }
    if (verified.tokenId() == null) {
      throw ApiException.unauthorized(
          "The app token has no id and so could not be revoked; issue a new token.");
    }
    Optional<String> problem = check(verified.appId(), verified.tokenId());
    if (problem.isPresent()) {
      throw ApiException.unauthorized(problem.get());
    }
    return new AuthorizedApp(
        verified.appId(), verified.tokenId(), directory.app(verified.appId()).orElseThrow());
  }

  /**
   * Why a token that was good once is no longer (revoked, app deleted), if it is not: for sessions
   * that outlive the request that opened them.
   */
  public Optional<String> check(String appId, String tokenId) {
    if (directory.isRevoked(tokenId)) {
      return Optional.of("The app token has been revoked.");
    }
    Optional<AppConfig> app = directory.app(appId);
    if (app.isEmpty()) {
      return Optional.of("The app token's app is unknown or was deleted.");
    }
    return Optional.empty();
  }
}
