package io.clickstream.simulator;

import io.clickstream.model.Event;
import io.clickstream.model.EventStamper;
import io.clickstream.simulator.behaviour.Catalog;
import io.clickstream.simulator.behaviour.Chunk;
import io.clickstream.simulator.behaviour.OutgoingEvent;
import io.clickstream.simulator.behaviour.TrafficModel;
import io.clickstream.simulator.behaviour.TrafficModel.App;
import io.clickstream.simulator.report.ProgressReporter;
import io.clickstream.simulator.report.RunStats;
import io.clickstream.simulator.schedule.Schedule;
import io.clickstream.simulator.transport.AppIds;
import io.clickstream.simulator.transport.Delivery;
import io.clickstream.simulator.transport.HttpTransport;
import io.clickstream.simulator.transport.KafkaTransport;
import io.clickstream.simulator.transport.Transport;
import io.clickstream.simulator.transport.WebSocketTransport;
import io.clickstream.simulator.truth.AppTruth;
import io.clickstream.simulator.truth.Client;
import io.clickstream.simulator.truth.TruthCalculator;
import io.clickstream.simulator.truth.TruthFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a simulation: the {@link TrafficModel} makes the traffic, the {@link Schedule} says when
 * each chunk is due, a pool of senders (one per {@code --concurrency}) delivers it over the chosen
 * {@link Transport}, and what the collector accepted feeds the {@link TruthCalculator}. A visitor's
 * chunks always go through the same sender, so they arrive in the order they were made.
 */
public final class Simulator {
  private static final Logger log = LoggerFactory.getLogger(Simulator.class);

  /** The session gap of an app with default settings (DESIGN §4). */
  private static final Duration SESSION_GAP = Duration.ofMinutes(30);

  private static final Chunk END =
      new Chunk(null, null, false, false, null, null, List.of(), false);

  /**
   * How the run went.
   *
   * @param truth by app id; empty when no truth was asked for
   * @param complete whether the truth is exact: nothing failed, nothing may have been late
   */
  public record Result(RunStats stats, Map<String, AppTruth> truth, boolean complete) {
    /** 0 when the collector took and refused exactly what the simulator meant it to. */
    public int exitCode() {
      return stats.clean() ? 0 : 1;
    }
  }

  private final SimulatorSettings settings;
  private final PrintStream progress;
  private final boolean terminal;
  private final RunStats stats = new RunStats();
  private final TruthCalculator truth;
  private volatile boolean stopped;

  /**
   * @param progress where the progress line and summary go; null for none
   * @param terminal whether {@code progress} is a terminal (the line is then rewritten in place)
   */
  public Simulator(SimulatorSettings settings, PrintStream progress, boolean terminal) {
    this.settings = settings;
    this.progress = progress;
    this.terminal = terminal;
    this.truth =
        settings.truthFile() == null
            ? null
            : new TruthCalculator(Simulator::client, SESSION_GAP, settings.funnel());
  }

  /** What the pipeline makes of a User-Agent of the catalogue. */
  private static Client client(String userAgent) {
    if (Catalog.isBot(userAgent)) {
      return Client.BOT;
    }
    Catalog.Browser browser =
        Catalog.browser(userAgent)
            .orElseThrow(() -> new IllegalArgumentException("not of the catalogue: " + userAgent));
    return new Client(browser.browser(), browser.os(), browser.device(), false);
  }

  /** Quiet, for {@code dev --demo}. */
  public Simulator(SimulatorSettings settings) {
    this(settings, null, false);
  }

  /** Ends the run soon: what is queued is still sent. */
  public void stop() {
    stopped = true;
  }

  /** Sends the traffic and, when asked for, writes the truth; blocks until done or stopped. */
  public Result run() {
    List<App> apps = settings.tokens().stream().map(t -> new App(t, AppIds.ofToken(t))).toList();
    TrafficModel model =
        new TrafficModel(settings.seed(), settings.visitors(), apps, settings.mix());
    ProgressReporter reporter =
        progress == null ? null : new ProgressReporter(stats, progress, terminal);
    try (Transport transport = transport()) {
      List<Worker> workers = new ArrayList<>();
      for (int i = 0; i < settings.concurrency(); i++) {
        Worker worker = new Worker(transport.newSender());
        worker.thread = new Thread(worker, "simulator-sender-" + i);
        worker.thread.start();
        workers.add(worker);
      }
      try {
        dispatch(model, workers);
      } finally {
        for (Worker worker : workers) {
          worker.queue.put(END);
        }
        for (Worker worker : workers) {
          worker.thread.join();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return finish(reporter);
  }

  private Result finish(ProgressReporter reporter) {
    long lateRisks = truth == null ? 0 : truth.lateRisks();
    boolean complete = stats.clean() && lateRisks == 0;
    Map<String, AppTruth> figures = truth == null ? Map.of() : truth.compute();
    try {
      if (settings.truthFile() != null) {
        TruthFile.write(settings.truthFile(), figures, complete);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Writing the truth file failed", e);
    } finally {
      if (reporter != null) {
        reporter.summary(lateRisks);
      }
    }
    return new Result(stats, figures, complete);
  }

  /** Hands the chunks to the senders when the schedule says they are due. */
  private void dispatch(TrafficModel model, List<Worker> workers) throws InterruptedException {
    Schedule schedule = new Schedule(settings.rate(), settings.ramp());
    long limit = settings.events();
    long durationNanos =
        settings.duration() == null ? Long.MAX_VALUE : settings.duration().toNanos();
    long startNanos = System.nanoTime();
    long startMillis = System.currentTimeMillis();
    long index = 0;
    while (!stopped && (limit == 0 || index < limit)) {
      long due = schedule.offsetNanos(index);
      if (due >= durationNanos) {
        return;
      }
      for (Chunk turnChunk : model.nextTurn(startMillis + due / 1_000_000)) {
        Chunk chunk = turnChunk;
        due = schedule.offsetNanos(index);
        // --duration is wall time: a sender that cannot keep up with the rate sends less.
        if (stopped
            || (limit > 0 && index >= limit)
            || due >= durationNanos
            || System.nanoTime() - startNanos >= durationNanos) {
          return;
        }
        if (limit > 0 && index + chunk.events().size() > limit) {
          chunk = chunk.firstEvents((int) (limit - index));
        }
        long wait = startNanos + due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        workers.get(chunk.visitor().index() % workers.size()).queue.put(chunk);
        index += chunk.events().size();
      }
    }
  }

  private Transport transport() {
    return switch (settings.transport()) {
      case HTTP -> new HttpTransport(settings.collectorUrl());
      case WS -> new WebSocketTransport(settings.collectorUrl());
      case KAFKA -> new KafkaTransport(settings.kafkaBootstrapServers());
    };
  }

  /** One sender thread and the chunks queued for it. */
  private final class Worker implements Runnable {
    final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(64);
    final Transport.Sender sender;
    Thread thread;

    Worker(Transport.Sender sender) {
      this.sender = sender;
    }

    @Override
    public void run() {
      try (sender) {
        for (Chunk chunk = queue.take(); chunk != END; chunk = queue.take()) {
          record(chunk, sendOrFail(chunk));
        }
        record(null, sender.finish());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** A sender's bug fails its chunk, not the run: the queue must keep draining. */
    private Delivery sendOrFail(Chunk chunk) throws InterruptedException {
      try {
        return sender.send(chunk);
      } catch (RuntimeException e) {
        log.error("A simulator sender failed", e);
        return Delivery.failed(e.toString(), 0, List.of());
      }
    }
  }

  /** Counts what became of a chunk and gives the truth what the collector accepted. */
  private void record(Chunk chunk, Delivery delivery) {
    if (chunk != null) {
      stats.sent(chunk.events().size(), chunk.duplicate());
      stats.error(delivery.error());
      if (delivery.failed()) {
        stats.failed(chunk.events().size(), delivery.latencyNanos());
        log.debug("A chunk failed: {}", delivery.error());
      } else {
        answered(chunk, delivery);
      }
    }
    if (truth != null) {
      delivery.serverEvents().forEach(truth::add);
    }
  }

  private void answered(Chunk chunk, Delivery delivery) {
    int unexpectedRejections = 0;
    int unexpectedAcceptances = 0;
    for (int i = 0; i < chunk.events().size(); i++) {
      OutgoingEvent outgoing = chunk.events().get(i);
      boolean rejected = delivery.rejected().contains(i);
      if (outgoing.malformed()) {
        unexpectedAcceptances += rejected ? 0 : 1;
      } else if (rejected) {
        unexpectedRejections++;
      } else if (truth != null) {
        truth.add(stamped(chunk, outgoing.event(), delivery.receivedAtMs()));
      }
    }
    int rejected = delivery.rejected().size();
    stats.answered(
        chunk.events().size() - rejected,
        rejected,
        unexpectedRejections,
        unexpectedAcceptances,
        delivery.latencyNanos());
  }

  /** The event as the collector stores it, with the answer's time standing in for its clock. */
  private static Event stamped(Chunk chunk, Event event, long receivedAt) {
    return EventStamper.stamp(
        event,
        chunk.visitor().appId(),
        chunk.visitor().id(),
        chunk.sessionId(),
        receivedAt,
        chunk.visitor().userAgent(),
        null);
  }
}
