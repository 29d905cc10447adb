package io.clickstream.topology;

/**
 * Non-negative numbers as fixed-width decimal text, so that store keys sort by number. Cheaper than
 * {@code String.format}, which shows in profiles when used per event.
 */
public final class ZeroPadded {
  private ZeroPadded() {}

  public static String of(long value, int width) {
    if (value < 0) {
      throw new IllegalArgumentException("not a non-negative number: " + value);
    }
    String digits = Long.toString(value);
    if (digits.length() >= width) {
      return digits;
    }
    return "0".repeat(width - digits.length()) + digits;
  }
}
