package io.clickstream.simulator;

import io.clickstream.model.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends synthetic visitors' events to a collector over HTTP at a steady rate. The same seed gives
 * the same traffic.
 */
public final class Simulator implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Simulator.class);

  private final SimulatorSettings settings;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong failedRequests = new AtomicLong();
  private volatile boolean stopped;

  public Simulator(SimulatorSettings settings) {
    this.settings = settings;
  }

  @Override
  public void run() {
    Random random = new Random(settings.seed());
    List<Visitor> visitors = new ArrayList<>();
    for (int i = 0; i < settings.visitors(); i++) {
      visitors.add(new Visitor(random, System.currentTimeMillis()));
    }
    long started = System.nanoTime();
    while (!stopped && (settings.events() == 0 || sent.get() < settings.events())) {
      Visitor visitor = visitors.get(random.nextInt(visitors.size()));
      List<Map<String, Object>> events = visitor.nextEvents(System.currentTimeMillis());
      if (settings.events() > 0) {
        events = events.subList(0, (int) Math.min(events.size(), settings.events() - sent.get()));
      }
      send(visitor, events);
      sent.addAndGet(events.size());
      pace(started);
    }
  }

  public void stop() {
    stopped = true;
  }

  public long sent() {
    return sent.get();
  }

  public long accepted() {
    return accepted.get();
  }

  public long failedRequests() {
    return failedRequests.get();
  }

  private void send(Visitor visitor, List<Map<String, Object>> events) {
    Map<String, Object> batch = new LinkedHashMap<>();
    batch.put("token", settings.token());
    batch.put("visitor_id", visitor.id);
    batch.put("events", events);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(settings.collectorUrl() + "/v1/events"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("User-Agent", visitor.userAgent)
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(batch)))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 202) {
        accepted.addAndGet(Json.readTree(response.body()).path("accepted").asLong());
      } else {
        failedRequests.incrementAndGet();
        log.warn("Collector answered {}: {}", response.statusCode(), response.body());
      }
    } catch (java.io.IOException e) {
      failedRequests.incrementAndGet();
      log.warn("Collector unreachable: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }

  /** Sleeps until the events sent so far match the target rate. */
  private void pace(long startedNanos) {
    long dueNanos = startedNanos + (long) (sent.get() / settings.rate() * 1e9);
    long waitMillis = (dueNanos - System.nanoTime()) / 1_000_000;
    if (waitMillis > 0) {
      try {
        Thread.sleep(waitMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
    }
  }
}
