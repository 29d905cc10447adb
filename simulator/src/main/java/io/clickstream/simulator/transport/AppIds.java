package io.clickstream.simulator.transport;

import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;

/**
 * The app an app token is for: its subject claim (platform's AppTokens). Read without checking the
 * signature — the simulator has no key, and the collector checks it anyway.
 */
public final class AppIds {
  private AppIds() {}

  public static String ofToken(String token) {
    try {
      String subject = SignedJWT.parse(token).getJWTClaimsSet().getSubject();
      if (subject == null) {
        throw new IllegalArgumentException("The app token names no app.");
      }
      return subject;
    } catch (ParseException e) {
      throw new IllegalArgumentException("Not an app token: " + e.getMessage());
    }
  }
}
