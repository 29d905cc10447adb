package io.clickstream.metadata.accounts;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address, normalised: trimmed, lower case, its domain in ASCII (IDNA). Only the common
 * dot-atom form is accepted (no quoted local parts, comments or IP-literal domains), which is what
 * every mail provider hands out. The domain is the user's organisation (DESIGN §6).
 */
public record EmailAddress(String value, String localPart, String domain) {
  public static final int MAX_LENGTH = 254;
  private static final Pattern LOCAL_PART =
      Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

  /** The normalised address, or empty when the input is not a usable address. */
  public static Optional<EmailAddress> parse(String input) {
    if (input == null) {
      return Optional.empty();
    }
    String trimmed = input.strip();
    int at = trimmed.lastIndexOf('@');
    if (trimmed.isEmpty()
        || trimmed.length() > MAX_LENGTH
        || at <= 0
        || at != trimmed.indexOf('@')) {
      return Optional.empty();
    }
    String local = trimmed.substring(0, at).toLowerCase(Locale.ROOT);
    if (local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
      return Optional.empty();
    }
    String domain;
    try {
      domain =
          IDN.toASCII(trimmed.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (domain.endsWith(".")) {
      domain = domain.substring(0, domain.length() - 1);
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2 || domain.length() > 253) {
      return Optional.empty();
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.empty();
      }
    }
    if (!TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
      return Optional.empty();
    }
    String address = local + "@" + domain;
    if (address.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(new EmailAddress(address, local, domain));
  }

  @Override
  public String toString() {
    return value;
  }
}
