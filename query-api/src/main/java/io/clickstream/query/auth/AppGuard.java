package io.clickstream.query.auth;

import io.clickstream.platform.auth.AccessTokens;
import io.clickstream.platform.http.ApiException;
import io.clickstream.platform.http.PathParams;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;

/**
 * The check every {@code /v1/apps/{appId}/…} request passes first (DESIGN §6): a missing, invalid
 * or expired credential is a 401 with {@code WWW-Authenticate}; an app the caller may not read is a
 * 404, exactly like an app that does not exist.
 */
public final class AppGuard {
  /** Read API keys start with this (metadata API {@code Credentials.API_KEY_PREFIX}). */
  public static final String API_KEY_PREFIX = "csk_";

  private static final int MAX_CREDENTIAL_LENGTH = 4096;

  private final AccessTokens tokens;
  private final AccessCache access;

  public AppGuard(AccessTokens tokens, AccessCache access) {
    this.tokens = tokens;
    this.access = access;
  }

  /** The app id of the request's path, once the caller may read it. */
  public String requireReadable(HttpServerExchange exchange) {
    Caller caller = authenticate(exchange);
    String raw = PathParams.text(exchange, "appId");
    UUID appId = parseAppId(raw);
    boolean readable;
    if (caller instanceof Caller.ApiKey key) {
      readable = key.appId().equals(appId);
    } else {
      UUID userId = ((Caller.User) caller).principal().userId();
      AccessDecision decision = access.userAccess(userId, appId);
      if (decision == AccessDecision.UNKNOWN_USER) {
        throw unauthorized(exchange, "The access token's user no longer exists.");
      }
      readable = decision == AccessDecision.READ;
    }
    if (!readable) {
      throw notFound(raw);
    }
    return appId.toString();
  }

  Caller authenticate(HttpServerExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    if (header == null
        || header.length() < 8
        || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      throw unauthorized(
          exchange, "A user access token or read API key is required (Authorization: Bearer …).");
    }
    String credential = header.substring(7).trim();
    if (credential.isEmpty() || credential.length() > MAX_CREDENTIAL_LENGTH) {
      throw unauthorized(exchange, "The bearer credential is invalid.");
    }
    if (credential.startsWith(API_KEY_PREFIX)) {
      return access
          .appOfApiKey(sha256(credential))
          .<Caller>map(Caller.ApiKey::new)
          .orElseThrow(() -> unauthorized(exchange, "The API key is unknown or revoked."));
    }
    return tokens
        .verify(credential)
        .<Caller>map(Caller.User::new)
        .orElseThrow(
            () -> unauthorized(exchange, "The access token is invalid or expired; sign in again."));
  }

  private static UUID parseAppId(String raw) {
    if (raw == null || raw.length() != 36) {
      throw notFound(raw);
    }
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw notFound(raw);
    }
  }

  private static ApiException notFound(String appId) {
    return ApiException.notFound("No app " + appId + ".");
  }

  private static ApiException unauthorized(HttpServerExchange exchange, String message) {
    // RFC 6750: a 401 names the scheme, and why when a credential was sent.
    String challenge =
        exchange.getRequestHeaders().contains(Headers.AUTHORIZATION)
            ? "Bearer realm=\"clickstream\", error=\"invalid_token\""
            : "Bearer realm=\"clickstream\"";
    exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, challenge);
    return ApiException.unauthorized(message);
  }

  static byte[] sha256(String credential) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(credential.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
