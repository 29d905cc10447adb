package io.clickstream.collector.ingest;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The only form in which a client's IP address leaves the collector: an HMAC keyed by a secret salt
 * and the UTC day, so the same address maps to the same value within a day and to unrelated values
 * across days, and cannot be reversed without the salt.
 */
public final class IpAnonymizer {
  private final byte[] salt;
  private final Clock clock;

  public IpAnonymizer(String salt, Clock clock) {
    this.salt = salt.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  public String hash(String ip) {
    LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      mac.update(day.toString().getBytes(StandardCharsets.UTF_8));
      byte[] digest = mac.doFinal(ip.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
