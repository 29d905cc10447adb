package io.clickstream.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * App tokens: the write credential a tracking snippet carries. They are HS256-signed JWTs issued by
 * the metadata API and verified by the collector with the same key, so checking one needs no
 * database round trip; revocation travels separately (by token id) through the config topics. A
 * token may carry an expiry ({@code exp}); one without it is valid until revoked.
 */
public final class AppTokens {
  /** The audience claim: an app token is good for the collector and nothing else. */
  static final String AUDIENCE = "clickstream-collector";

  private final MACSigner signer;
  private final MACVerifier verifier;
  private final Clock clock;

  public AppTokens(byte[] key) {
    this(key, Clock.systemUTC());
  }

  /** With the clock that decides whether a token has expired. */
  public AppTokens(byte[] key, Clock clock) {
    this.clock = clock;
    try {
      this.signer = new MACSigner(key);
      this.verifier = new MACVerifier(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("The app token key must be at least 32 bytes", e);
    }
  }

  public String issue(String appId, String tokenId, Instant issuedAt) {
    return issue(appId, tokenId, issuedAt, null);
  }

  /**
   * @param expiresAt when the token stops working; null for a token that works until revoked
   */
  public String issue(String appId, String tokenId, Instant issuedAt, Instant expiresAt) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(appId)
            .jwtID(tokenId)
            .audience(AUDIENCE)
            .issueTime(Date.from(issuedAt))
            .expirationTime(expiresAt == null ? null : Date.from(expiresAt))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing an app token failed", e);
    }
    return jwt.serialize();
  }

  /**
   * The token's app and id, or {@link InvalidTokenException} when it is malformed, forged or
   * expired.
   */
  public AppToken verify(String token) {
    if (token == null || token.isBlank() || token.length() > 4096) {
      throw new InvalidTokenException("missing or malformed app token");
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        throw new InvalidTokenException("app token signature is invalid");
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      List<String> audience = claims.getAudience();
      if (audience == null || !audience.contains(AUDIENCE) || claims.getSubject() == null) {
        throw new InvalidTokenException("not an app token");
      }
      Instant issuedAt = claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant();
      Instant expiresAt =
          claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant();
      if (expiresAt != null && !clock.instant().isBefore(expiresAt)) {
        throw new InvalidTokenException("app token has expired");
      }
      return new AppToken(claims.getSubject(), claims.getJWTID(), issuedAt, expiresAt);
    } catch (ParseException | JOSEException e) {
      throw new InvalidTokenException("malformed app token");
    }
  }

  /**
   * A verified app token.
   *
   * @param expiresAt null when the token does not expire
   */
  public record AppToken(String appId, String tokenId, Instant issuedAt, Instant expiresAt) {
    public AppToken(String appId, String tokenId, Instant issuedAt) {
      this(appId, tokenId, issuedAt, null);
    }
  }

  /** A token that is missing, malformed, expired or not signed with our key. */
  public static final class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String message) {
      super(message, null, false, false);
    }
  }
}
