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
 * <p>Building the analyzer takes seconds and about 100 MB of heap, so a process should hold one:
 * {@link #shared()}. It is safe to call from every stream thread: yauaa serialises its own
 * analysis, and results are cached per distinct User-Agent because the same few hundred strings
 * make up most traffic. Measured figures: {@code UserAgentParserBenchmark} in this package's tests.
 */
public final class UserAgentParser {
  /** Distinct User-Agents kept; a cached entry costs the string plus about 100 bytes. */
  static final int DEFAULT_CACHE_SIZE = 10_000;

  private final UserAgentAnalyzer analyzer;
  private final LruCache<String, ClientInfo> cache;

  /** Builds an analyzer of its own: prefer {@link #shared()} outside benchmarks. */
  public UserAgentParser(int cacheSize) {
    this.analyzer =
        UserAgentAnalyzer.newBuilder()
            // Only the fields we keep: yauaa then loads only the rules that produce them.
            .withFields(
                AGENT_NAME,
                AGENT_CLASS,
                OPERATING_SYSTEM_NAME,
                OPERATING_SYSTEM_CLASS,
                DEVICE_CLASS)
            .dropTests() // the rule files' own test cases: ~25 MB we never run
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
