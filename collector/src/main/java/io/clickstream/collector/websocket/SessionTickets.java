package io.clickstream.collector.websocket;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.clickstream.platform.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tickets for {@code GET /v1/ws}: HS256-signed, valid for {@link #TTL}, bound to one app token,
 * visitor and session, and good for one connection. The signing key is derived from the app token
 * key, so every collector sharing that key accepts every other's tickets, and a ticket can never
 * pass as an app token (nor the other way round).
 *
 * <p>Single use is enforced per collector instance: behind a load balancer that spreads one
 * client's connections over instances, a replayed ticket could work once on each instance within
 * its lifetime. It still only opens a socket for the session it was issued for.
 */
public final class SessionTickets {
  /** How long a client has between hello and connecting. */
  public static final Duration TTL = Duration.ofSeconds(30);

  private static final String AUDIENCE = "clickstream-websocket";
  private static final String TOKEN_ID = "tid";
  private static final String VISITOR_ID = "vid";
  private static final String SESSION_ID = "sid";

  private final MACSigner signer;
  private final MACVerifier verifier;
  private final Clock clock;
  private final Map<String, Instant> redeemed = new ConcurrentHashMap<>();

  public SessionTickets(byte[] appTokenKey, Clock clock) {
    this.clock = clock;
    byte[] key = derive(appTokenKey);
    try {
      this.signer = new MACSigner(key);
      this.verifier = new MACVerifier(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("A derived HMAC-SHA256 key has 32 bytes", e);
    }
  }

  /** A ticket and how long it stays valid. */
  public record IssuedTicket(String ticket, Duration expiresIn) {}

  public IssuedTicket issue(String appId, String tokenId, String visitorId, String sessionId) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .audience(AUDIENCE)
            .subject(appId)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(TTL)))
            .claim(TOKEN_ID, tokenId)
            .claim(VISITOR_ID, visitorId)
            .claim(SESSION_ID, sessionId)
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing a session ticket failed", e);
    }
    return new IssuedTicket(jwt.serialize(), TTL);
  }

  /**
   * Checks a ticket and marks it used.
   *
   * @throws ApiException 401 when it is missing, forged, expired or used before
   */
  public SessionTicket redeem(String ticket) {
    if (ticket == null || ticket.isBlank() || ticket.length() > 4096) {
      throw ApiException.unauthorized("A ticket from POST /v1/hello is required in 'ticket'.");
    }
    JWTClaimsSet claims = verified(ticket);
    Instant expiresAt = claims.getExpirationTime().toInstant();
    if (!clock.instant().isBefore(expiresAt)) {
      throw ApiException.unauthorized("The ticket has expired; say hello again for a new one.");
    }
    if (redeemed.putIfAbsent(claims.getJWTID(), expiresAt) != null) {
      throw ApiException.unauthorized(
          "The ticket was used already; say hello again for a new one.");
    }
    try {
      return new SessionTicket(
          claims.getSubject(),
          claims.getStringClaim(TOKEN_ID),
          claims.getStringClaim(VISITOR_ID),
          claims.getStringClaim(SESSION_ID));
    } catch (ParseException e) {
      throw invalid();
    }
  }

  /** Forgets used tickets that have expired anyway, so the set stays small. */
  public void forgetExpired() {
    Instant now = clock.instant();
    redeemed.values().removeIf(expiresAt -> !now.isBefore(expiresAt));
  }

  private JWTClaimsSet verified(String ticket) {
    try {
      SignedJWT jwt = SignedJWT.parse(ticket);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        throw invalid();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      List<String> audience = claims.getAudience();
      if (audience == null
          || !audience.contains(AUDIENCE)
          || claims.getSubject() == null
          || claims.getJWTID() == null
          || claims.getExpirationTime() == null
          || claims.getStringClaim(VISITOR_ID) == null
          || claims.getStringClaim(SESSION_ID) == null
          || claims.getStringClaim(TOKEN_ID) == null) {
        throw invalid();
      }
      return claims;
    } catch (ParseException | JOSEException e) {
      throw invalid();
    }
  }

  private static ApiException invalid() {
    return ApiException.unauthorized("The ticket is not valid.");
  }

  private static byte[] derive(byte[] appTokenKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(appTokenKey, "HmacSHA256"));
      return mac.doFinal("clickstream websocket tickets v1".getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
