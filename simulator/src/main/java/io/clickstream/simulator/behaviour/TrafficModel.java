package io.clickstream.simulator.behaviour;

import io.clickstream.model.Event;
import io.clickstream.simulator.behaviour.SessionWalker.Walk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The simulated audience: a population of visitors, each of whom comes by in turn. A visitor's
 * first turn is their history as the run sees it — one session, or for a returning visitor two or
 * three sessions with gaps of more than 30 minutes between them — placed so that it ends at the
 * moment it is sent: earlier sessions are backdated (docs/simulator.md explains why that stays
 * within the pipeline's lateness rules). When every visitor has had a turn they come back in the
 * same order for one more session each, after their previous activity.
 *
 * <p>Everything is drawn from generators seeded by the run's seed and the turn's number, so the
 * same seed gives the same traffic whatever the timing or the number of threads that send it; event
 * times are relative to the nominal send time the caller passes in.
 */
public final class TrafficModel {
  /** The longest history a first turn reaches back: well inside gap + grace (90 min). */
  static final long MAX_HISTORY_MS = Duration.ofMinutes(70).toMillis();

  /** How far ahead of its send time an event may be placed: well inside the collector's 10 min. */
  static final long MAX_LEAD_MS = Duration.ofMinutes(5).toMillis();

  private static final long MIN_EARLIER_SESSION_MS = Duration.ofMinutes(1).toMillis();
  private static final long MIN_RETURN_GAP_MS = Duration.ofMinutes(31).toMillis();
  private static final long RETURN_GAP_SPREAD_MS = Duration.ofMinutes(9).toMillis();

  /** An app the simulated traffic goes to. */
  public record App(String token, String appId) {}

  /**
   * Shares of unusual traffic.
   *
   * @param bots visitors that are crawlers or scripts
   * @param returning people with earlier sessions before the run's first sight of them
   * @param duplicates chunks delivered twice
   * @param malformed chunks that carry one event the collector must reject
   */
  public record Mix(double bots, double returning, double duplicates, double malformed) {
    public static final Mix DEFAULT = new Mix(0.03, 0.25, 0.015, 0.005);
  }

  private final long seed;
  private final List<App> apps;
  private final Mix mix;
  private final VisitorProfile[] profiles;
  private final long[] lastTs;
  private long turns;

  public TrafficModel(long seed, int visitors, List<App> apps, Mix mix) {
    if (visitors < 1 || apps.isEmpty()) {
      throw new IllegalArgumentException("at least one visitor and one app");
    }
    this.seed = seed;
    this.apps = List.copyOf(apps);
    this.mix = mix;
    this.profiles = new VisitorProfile[visitors];
    this.lastTs = new long[visitors];
  }

  /** The chunks of the next visitor's turn, placed to end at {@code nominalMs} or just after. */
  public List<Chunk> nextTurn(long nominalMs) {
    long turn = turns++;
    int index = (int) (turn % profiles.length);
    VisitorProfile visitor = profile(index);
    RandomGenerator random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + turn + 1);
    List<List<List<Event>>> sessions;
    if (turn < profiles.length) {
      sessions = history(visitor, random, nominalMs);
    } else {
      Walk walk = walk(visitor, random);
      long start = Math.max(nominalMs - walk.spanMs(), lastTs[index] + 1);
      sessions = List.of(Placement.fit(walk.pages(), start, nominalMs + MAX_LEAD_MS));
    }
    List<Chunk> chunks = new ArrayList<>();
    for (List<List<Event>> session : sessions) {
      chunks.addAll(chunks(visitor, session, random));
    }
    List<Event> lastPage =
        sessions.get(sessions.size() - 1).get(sessions.get(sessions.size() - 1).size() - 1);
    lastTs[index] = lastPage.get(lastPage.size() - 1).ts();
    return chunks;
  }

  /** The visitor with this number, the same for a seed whenever it is asked for. */
  public VisitorProfile profile(int index) {
    if (profiles[index] == null) {
      RandomGenerator random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L - index - 1);
      App app = apps.get(index % apps.size());
      boolean bot = random.nextDouble() < mix.bots();
      profiles[index] =
          new VisitorProfile(
              index,
              new UUID(random.nextLong(), random.nextLong()).toString(),
              app.token(),
              app.appId(),
              bot ? Catalog.BOTS.pick(random) : Catalog.BROWSERS.pick(random).userAgent(),
              bot,
              !bot && random.nextDouble() < mix.returning());
    }
    return profiles[index];
  }

  /**
   * One to three sessions, the last ending at {@code endMs}, each 31–40 min after the previous; an
   * earlier session that would reach back more than {@link #MAX_HISTORY_MS} is squeezed into what
   * is left, or left out when less than a minute is.
   */
  private List<List<List<Event>>> history(
      VisitorProfile visitor, RandomGenerator random, long endMs) {
    int count = visitor.returning() ? (random.nextDouble() < 0.3 ? 3 : 2) : 1;
    long earliest = endMs - MAX_HISTORY_MS;
    List<List<List<Event>>> sessions = new ArrayList<>();
    long end = endMs;
    for (int i = 0; i < count && end - earliest >= MIN_EARLIER_SESSION_MS; i++) {
      Walk walk = walk(visitor, random);
      long start = Math.max(end - walk.spanMs(), earliest);
      sessions.add(0, Placement.fit(walk.pages(), start, end));
      end = start - MIN_RETURN_GAP_MS - random.nextLong(RETURN_GAP_SPREAD_MS);
    }
    return sessions;
  }

  private static Walk walk(VisitorProfile visitor, RandomGenerator random) {
    return visitor.bot() ? SessionWalker.bot(random) : SessionWalker.person(random);
  }

  /** A chunk per page; now and then one delivered twice or carrying a malformed event. */
  private List<Chunk> chunks(
      VisitorProfile visitor, List<List<Event>> pages, RandomGenerator random) {
    String sessionId = new UUID(random.nextLong(), random.nextLong()).toString();
    Event landing = pages.get(0).get(0);
    List<Chunk> chunks = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      List<OutgoingEvent> events = new ArrayList<>();
      for (Event event : pages.get(i)) {
        events.add(new OutgoingEvent(WireEvents.of(event), event));
      }
      if (random.nextDouble() < mix.malformed()) {
        int at = random.nextInt(events.size() + 1);
        long ts = events.get(Math.min(at, events.size() - 1)).event().ts();
        events.add(at, malformed(random, ts));
      }
      boolean last = i == pages.size() - 1;
      Chunk chunk =
          new Chunk(
              visitor, sessionId, i == 0, last, landing.url(), landing.referrer(), events, false);
      if (random.nextDouble() < mix.duplicates()) {
        chunks.add(chunk.closing(false));
        chunks.add(chunk.asDuplicate(last));
      } else {
        chunks.add(chunk);
      }
    }
    return chunks;
  }

  /** An event that breaks one rule of DESIGN §2. */
  private static OutgoingEvent malformed(RandomGenerator random, long ts) {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
    switch (random.nextInt(4)) {
      case 0 -> wire.put("type", "pageview"); // no url
      case 1 -> {
        wire.put("type", "click"); // no target
        wire.put("x", 10);
      }
      case 2 -> {
        wire.put("type", "teleport");
        wire.put("url", Catalog.SITE + "/");
      }
      default -> wire.put("type", "custom"); // no name
    }
    wire.put("ts", ts);
    return new OutgoingEvent(wire, null);
  }
}
