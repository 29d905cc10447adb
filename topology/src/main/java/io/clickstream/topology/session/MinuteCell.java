package io.clickstream.topology.session;

import java.util.Comparator;

/** An aggregate cell of one minute, within an app: a measure and its detail (path, referrer…). */
record MinuteCell(long minute, String measure, String detail) implements Comparable<MinuteCell> {
  private static final Comparator<MinuteCell> ORDER =
      Comparator.comparingLong(MinuteCell::minute)
          .thenComparing(MinuteCell::measure)
          .thenComparing(MinuteCell::detail);

  /** By minute, then measure and detail: the order stage 1 sends its changes in. */
  @Override
  public int compareTo(MinuteCell other) {
    return ORDER.compare(this, other);
  }
}
