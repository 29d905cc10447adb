package io.clickstream.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Short-lived access tokens for people: HS256 JWTs with {@code sub} = user id, {@code org} =
 * organisation domain, {@code org_id} = organisation id, audience {@value #AUDIENCE}, signed with
 * the key of {@code --jwt-key}. The header's {@code kid} names the key (a digest prefix of it), so
 * keys can be rotated by verifying with the old and new one side by side. The query API verifies
 * them with the same key and claims.
 */
public final class AccessTokens {
  public static final String ISSUER = "clickstream-metadata-api";
  public static final String AUDIENCE = "clickstream-api";
  public static final String ORGANISATION_CLAIM = "org";
  public static final String ORGANISATION_ID_CLAIM = "org_id";
  public static final int MIN_KEY_BYTES = 32;
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private final MACSigner signer;
  private final MACVerifier verifier;
  private final String keyId;
  private final Duration lifetime;
  private final Clock clock;

  public AccessTokens(byte[] key, Duration lifetime, Clock clock) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("The JWT key must be at least 32 bytes");
    }
    try {
      this.signer = new MACSigner(key);
      this.verifier = new MACVerifier(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("The JWT key is not usable for HS256", e);
    }
    this.keyId = keyId(key);
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** Verification only (the query API): it never issues, so it needs no lifetime. */
  public static AccessTokens verifier(byte[] key, Clock clock) {
    return new AccessTokens(key, Duration.ZERO, clock);
  }

  /** The key id: the first 8 bytes of the key's SHA-256, hex. Reveals nothing usable. */
  public static String keyId(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Duration lifetime() {
    return lifetime;
  }

  public String issue(Principal principal) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(principal.userId().toString())
            .claim(ORGANISATION_CLAIM, principal.organisation())
            .claim(ORGANISATION_ID_CLAIM, principal.organisationId().toString())
            .claim("email", principal.email())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .build();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(keyId).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing an access token failed", e);
    }
    return jwt.serialize();
  }

  /** The token's principal, or empty when it is malformed, forged, expired or not ours. */
  public Optional<Principal> verify(String token) {
    if (token == null || token.isEmpty() || token.length() > 4096) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      JWSHeader header = jwt.getHeader();
      if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())
          || !keyId.equals(header.getKeyID())
          || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Instant now = clock.instant();
      Date expires = claims.getExpirationTime();
      List<String> audience = claims.getAudience();
      if (expires == null
          || !expires.toInstant().plus(CLOCK_SKEW).isAfter(now)
          || !ISSUER.equals(claims.getIssuer())
          || audience == null
          || !audience.contains(AUDIENCE)) {
        return Optional.empty();
      }
      return Optional.of(
          new Principal(
              UUID.fromString(claims.getSubject()),
              UUID.fromString(claims.getStringClaim(ORGANISATION_ID_CLAIM)),
              claims.getStringClaim(ORGANISATION_CLAIM),
              claims.getStringClaim("email")));
    } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
