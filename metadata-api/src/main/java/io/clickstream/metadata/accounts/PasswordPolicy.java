package io.clickstream.metadata.accounts;

import java.util.Locale;
import java.util.Set;

/**
 * What a password must be, after NIST SP 800-63B: long rather than complicated (10 to 256
 * characters, any characters), not one of the passwords attackers try first, and not made of the
 * user's own address. No composition rules: they push people towards predictable patterns.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 256;
  private static final int MIN_DISTINCT_CHARACTERS = 5;

  // The most common leaked passwords of 10+ characters (shorter ones fail the length rule anyway).
  private static final Set<String> COMMON =
      Set.of(
          "1234567890",
          "12345678910",
          "123456789a",
          "0123456789",
          "0987654321",
          "1q2w3e4r5t",
          "1qaz2wsx3edc",
          "qwertyuiop",
          "qwerty1234",
          "qwerty12345",
          "qwerty123456",
          "asdfghjkl1",
          "password12",
          "password123",
          "password1234",
          "password!1",
          "passw0rd123",
          "iloveyou12",
          "iloveyou123",
          "football123",
          "baseball123",
          "princess123",
          "sunshine123",
          "superman123",
          "monkey12345",
          "welcome123",
          "welcome1234",
          "letmein123",
          "administrator",
          "admin12345",
          "changeme123",
          "trustno1234",
          "abcdefghij",
          "abcd123456",
          "a1b2c3d4e5",
          "zaq12wsxcde",
          "clickstream",
          "clickstream1",
          "clickstream123");

  /** Why the password is refused, or null when it is acceptable. */
  public String problem(String password, EmailAddress email) {
    if (password == null || password.isEmpty()) {
      return "is required";
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return "must be at least " + MIN_LENGTH + " characters";
    }
    if (length > MAX_LENGTH) {
      return "must be at most " + MAX_LENGTH + " characters";
    }
    if (password.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
      return "must contain at least " + MIN_DISTINCT_CHARACTERS + " different characters";
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)) {
      return "is too common; choose a longer phrase";
    }
    if (email != null
        && (lower.contains(email.value())
            || (email.localPart().length() >= 4 && lower.contains(email.localPart())))) {
      return "must not contain your email address";
    }
    return null;
  }
}
