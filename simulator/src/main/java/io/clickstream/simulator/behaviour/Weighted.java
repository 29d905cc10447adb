package io.clickstream.simulator.behaviour;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** A choice among values with relative weights, drawn with a caller's random generator. */
public final class Weighted<T> {
  private final List<T> values = new ArrayList<>();
  private final List<Double> cumulative = new ArrayList<>();
  private double total;

  public Weighted<T> add(double weight, T value) {
    if (weight <= 0) {
      throw new IllegalArgumentException("weights are positive");
    }
    total += weight;
    values.add(value);
    cumulative.add(total);
    return this;
  }

  public T pick(RandomGenerator random) {
    double at = random.nextDouble(total);
    for (int i = 0; i < values.size(); i++) {
      if (at < cumulative.get(i)) {
        return values.get(i);
      }
    }
    return values.get(values.size() - 1);
  }

  public List<T> values() {
    return List.copyOf(values);
  }
}
