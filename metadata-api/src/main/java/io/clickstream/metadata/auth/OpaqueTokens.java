package io.clickstream.metadata.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random bearer secrets (refresh tokens, API keys): 256 bits from a CSPRNG behind a prefix that
 * says what they are ({@code csr_}, {@code csk_}), so that secret scanners and people can tell.
 * Only their SHA-256 is stored: with 256 random bits, a slow hash adds nothing, and a fast one lets
 * a key be found by one index lookup.
 */
public final class OpaqueTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private OpaqueTokens() {}

  public static String generate(String prefix) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
