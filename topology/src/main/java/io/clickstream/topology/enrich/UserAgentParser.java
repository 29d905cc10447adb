package io.clickstream.topology.enrich;

import static nl.basjes.parse.useragent.UserAgent.AGENT_CLASS;
import static nl.basjes.parse.useragent.UserAgent.AGENT_NAME;
import static nl.basjes.parse.useragent.UserAgent.DEVICE_CLASS;
import static nl.basjes.parse.useragent.UserAgent.OPERATING_SYSTEM_CLASS;
import static nl.basjes.parse.useragent.UserAgent.OPERATING_SYSTEM_NAME;

import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * User-Agent → {@link ClientInfo}, with yauaa (Yet Another UserAgent Analyzer) for the analysis.
 *
 * <p>Building the analyzer takes 2–3 s and about 115 MB of heap, so a process holds one: {@link
 * #shared()}; touch it at start-up so that the first event does not wait for it. It is safe to call
 * from every stream thread: yauaa serialises its own analysis (about 0.2 ms for a string it has not
 * seen), and finished results are cached per distinct User-Agent because the same few hundred
 * strings make up most traffic (a hit is about 0.1 µs). Figures: {@code UserAgentParserBenchmark}
 * in this package's tests.
 */
public final class UserAgentParser {
  /** Distinct User-Agents kept; an entry costs its key string plus about 100 bytes. */
  static final int DEFAULT_CACHE_SIZE = 10_000;

  private final UserAgentAnalyzer analyzer;
  private final LruCache<String, ClientInfo> cache;

  /**
   * Builds an analyzer of its own: prefer {@link #shared()} outside benchmarks.
   *
   * @param cacheSize how many distinct User-Agents to keep results for
   */
  public UserAgentParser(int cacheSize) {
    this.analyzer =
        UserAgentAnalyzer.newBuilder()
            // Only the fields we keep: yauaa skips the rules for the others (~15% faster parses).
            .withFields(
                AGENT_NAME,
                AGENT_CLASS,
                OPERATING_SYSTEM_NAME,
                OPERATING_SYSTEM_CLASS,
                DEVICE_CLASS)
            .dropTests() // the rule files' own test cases: ~25 MB of heap we never use
            .withoutCache() // we cache the finished ClientInfo instead
            .hideMatcherLoadStats()
            .immediateInitialization()
            .build();
    this.cache = new LruCache<>(cacheSize);
  }

  /** The process's parser, built on first use. */
  public static UserAgentParser shared() {
    return Shared.INSTANCE;
  }

  /** A missing or blank User-Agent is a bot of unknown browser, OS and device. */
  public ClientInfo parse(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return ClientInfo.UNKNOWN_BOT;
    }
    return cache.get(userAgent, this::analyze);
  }

  private ClientInfo analyze(String userAgent) {
    UserAgent parsed = analyzer.parse(userAgent);
    String agentClass = parsed.getValue(AGENT_CLASS);
    String deviceClass = parsed.getValue(DEVICE_CLASS);
    return new ClientInfo(
        ClientNames.browser(parsed.getValue(AGENT_NAME)),
        ClientNames.os(
            parsed.getValue(OPERATING_SYSTEM_NAME), parsed.getValue(OPERATING_SYSTEM_CLASS)),
        DeviceTypes.of(deviceClass),
        BotSignals.isRobotClass(agentClass, deviceClass) || BotSignals.hasMarker(userAgent));
  }

  /** Holder idiom: the JVM builds the instance once, on first access, without a lock per call. */
  private static final class Shared {
    static final UserAgentParser INSTANCE = new UserAgentParser(DEFAULT_CACHE_SIZE);
  }
}
