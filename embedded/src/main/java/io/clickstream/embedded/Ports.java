package io.clickstream.embedded;

/** Ports of the embedded services; 0 picks a free port. */
public record Ports(int kafka, int kafkaController, int postgres, int redis) {

  /** The fixed ports of {@code clickstream dev}. */
  public static Ports dev() {
    return new Ports(9092, 9093, 5433, 6379);
  }

  /** Free ports, picked at start: what tests use. */
  public static Ports ephemeral() {
    return new Ports(0, 0, 0, 0);
  }
}
