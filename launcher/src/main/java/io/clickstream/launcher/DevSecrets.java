package io.clickstream.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The secrets of a dev installation, made once and kept in its data dir so that app tokens and IP
 * hashes stay valid across restarts.
 */
final class DevSecrets {
  private DevSecrets() {}

  static String load(Path dataDir, String name) throws IOException {
    Path file = dataDir.resolve("secrets").resolve(name);
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    Files.createDirectories(file.getParent());
    String secret = Secrets.randomSecret();
    Files.writeString(file, secret, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return secret;
  }
}
