package io.clickstream.query.endpoints;

/** Ratios as the API reports them: 0 when there is nothing to divide by. */
final class Figures {
  private Figures() {}

  /** {@code part / whole} rounded to 4 decimals (rates). */
  static double rate(long part, long whole) {
    return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
  }

  /** {@code part / whole} rounded to 2 decimals (averages of counts). */
  static double average(long part, long whole) {
    return whole == 0 ? 0 : Math.round(part * 100.0 / whole) / 100.0;
  }

  /** {@code total / count} rounded to whole milliseconds; 0 without any count. */
  static long averageMillis(long total, long count) {
    return count == 0 ? 0 : Math.round((double) total / count);
  }
}
