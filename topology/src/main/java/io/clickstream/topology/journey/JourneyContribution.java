package io.clickstream.topology.journey;

import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.topology.aggregate.Measure;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The journey part of a session's contribution (DESIGN §4): one transition per pair of consecutive
 * pageview paths, from {@code (entry)} to the first and from the last to {@code (exit)}, and one
 * top path, its first (up to) three paths. Being part of the contribution, a growing session's
 * {@code last → (exit)} becomes {@code last → next} plus {@code next → (exit)} through the usual
 * retraction.
 */
public final class JourneyContribution {
  public static final String ENTRY = "(entry)";
  public static final String EXIT = "(exit)";
  public static final int TOP_PATH_LENGTH = 3;

  private JourneyContribution() {}

  /**
   * Calls {@code add} with each counter (measure, detail) the session's paths add one to. A session
   * without pageviews adds nothing.
   */
  public static void of(List<String> paths, BiConsumer<Measure, String> add) {
    if (paths.isEmpty()) {
      return;
    }
    String previous = ENTRY;
    for (String path : paths) {
      add.accept(Measure.JOURNEY_TRANSITIONS, RedisKeys.field(previous, path));
      previous = path;
    }
    add.accept(Measure.JOURNEY_TRANSITIONS, RedisKeys.field(previous, EXIT));
    List<String> top = paths.subList(0, Math.min(TOP_PATH_LENGTH, paths.size()));
    add.accept(Measure.JOURNEY_TOP_PATHS, String.join(RedisKeys.FIELD_SEPARATOR, top));
  }
}
