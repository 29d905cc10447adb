package io.clickstream.collector.ingest;

import java.util.List;

/**
 * The answer to a batch or frame: how many events Kafka stored, and why the others were refused.
 */
public record BatchResult(int accepted, List<Rejection> rejected) {

  /** One refused event: its index in the batch and the reasons, for the client's developer. */
  public record Rejection(int index, String reason) {}
}
