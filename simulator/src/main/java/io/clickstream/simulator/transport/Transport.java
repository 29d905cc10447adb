package io.clickstream.simulator.transport;

import io.clickstream.simulator.behaviour.Chunk;

/** A way into the pipeline: the collector's HTTP or WebSocket API, or Kafka directly. */
public interface Transport extends AutoCloseable {
  /** A sender for one worker thread; only that thread uses it, so its chunks go in order. */
  Sender newSender();

  @Override
  void close();

  /** Sends chunks one after another and tells what became of each. */
  interface Sender extends AutoCloseable {
    Delivery send(Chunk chunk) throws InterruptedException;

    /** Ends what is still open (a WebSocket session) and reports its server events. */
    Delivery finish() throws InterruptedException;

    @Override
    void close();
  }
}
