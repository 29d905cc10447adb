package io.clickstream.simulator.behaviour;

import io.clickstream.model.Event;
import java.util.ArrayList;
import java.util.List;

/** Puts a walk's relative event times on the clock. */
final class Placement {
  private Placement() {}

  /** The pages with every time moved by {@code start}. */
  static List<List<Event>> shift(List<List<Event>> pages, long start) {
    return rescale(pages, start, 1.0);
  }

  /**
   * The pages starting at {@code start}, squeezed when needed so that the last event is no later
   * than {@code latest}; times stay strictly increasing, so a walk of n events never takes less
   * than n − 1 ms.
   */
  static List<List<Event>> fit(List<List<Event>> pages, long start, long latest) {
    List<Event> lastPage = pages.get(pages.size() - 1);
    long span = lastPage.get(lastPage.size() - 1).ts();
    double factor = span <= 0 || start + span <= latest ? 1.0 : (double) (latest - start) / span;
    return rescale(pages, start, Math.max(factor, 0.0));
  }

  private static List<List<Event>> rescale(List<List<Event>> pages, long start, double factor) {
    List<List<Event>> placed = new ArrayList<>();
    long previous = Long.MIN_VALUE;
    for (List<Event> page : pages) {
      List<Event> events = new ArrayList<>();
      for (Event event : page) {
        long ts = start + Math.round(event.ts() * factor);
        ts = previous == Long.MIN_VALUE ? ts : Math.max(ts, previous + 1);
        previous = ts;
        events.add(event.toBuilder().ts(ts).build());
      }
      placed.add(List.copyOf(events));
    }
    return List.copyOf(placed);
  }
}
