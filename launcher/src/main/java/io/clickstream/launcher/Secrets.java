package io.clickstream.launcher;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Turning the secret options into keys, with clear errors. */
final class Secrets {
  private static final Logger log = LoggerFactory.getLogger(Secrets.class);
  static final int MIN_KEY_CHARS = 32;

  private Secrets() {}

  static byte[] tokenKey(CommandLine commandLine, String configured) {
    if (configured == null || configured.length() < MIN_KEY_CHARS) {
      throw new CommandLine.ParameterException(
          commandLine,
          "--token-key (CLICKSTREAM_TOKEN_KEY) must be set to a secret of at least "
              + MIN_KEY_CHARS
              + " characters.");
    }
    return configured.getBytes(StandardCharsets.UTF_8);
  }

  static String ipSalt(String configured) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    log.warn(
        "CLICKSTREAM_IP_SALT is not set: using a random salt, so IP hashes differ between"
            + " collectors and restarts");
    return randomSecret();
  }

  static String randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
