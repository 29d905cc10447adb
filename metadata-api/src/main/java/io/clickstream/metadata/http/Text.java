package io.clickstream.metadata.http;

/**
 * What a string field may hold. Beyond length, this refuses what breaks storage or display: NUL
 * (PostgreSQL text cannot hold it), other control characters, lone UTF-16 surrogates (they would be
 * silently replaced on the way to the database), non-characters and the bidirectional overrides
 * that make text read differently from what it is.
 */
public record Text(int maxLength, boolean multiline) {
  public static final Text NAME = new Text(100, false);
  public static final Text LONG_NAME = new Text(200, false);
  public static final Text DESCRIPTION = new Text(2000, true);
  public static final Text SELECTOR = new Text(512, false);
  public static final Text URL = new Text(2048, false);

  /** Why the value is not acceptable, or null when it is. */
  public String problem(String value) {
    if (value.isBlank()) {
      return "must not be blank";
    }
    if (value.codePointCount(0, value.length()) > maxLength) {
      return "must be at most " + maxLength + " characters";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        return "contains an unpaired surrogate";
      }
      if (Character.isLowSurrogate(c)) {
        return "contains an unpaired surrogate";
      }
      if (!allowed(c)) {
        return String.format("contains a disallowed character (U+%04X)", (int) c);
      }
    }
    return null;
  }

  private boolean allowed(char c) {
    if (c == '\n' || c == '\r' || c == '\t') {
      return multiline;
    }
    if (Character.getType(c) == Character.CONTROL) {
      return false;
    }
    if (c == '\uFFFE' || c == '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF')) {
      return false;
    }
    return !((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'));
  }
}
