package io.clickstream.collector.access;

import io.clickstream.model.Json;
import io.clickstream.model.config.AppConfig;
import io.clickstream.model.config.AppSettings;
import io.clickstream.model.config.TokenRevocation;
import io.clickstream.platform.kafka.CompactedTopicView;
import io.clickstream.platform.kafka.Topics;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What the collector knows about apps, read from the compacted config topics that the metadata API
 * publishes: which apps exist (with their URL and limits) and which tokens were revoked. Changes
 * apply as soon as they are read, within a second or so of being published.
 */
public final class AppDirectory implements AutoCloseable {
  private final CompactedTopicView<AppConfig> apps;
  private final CompactedTopicView<TokenRevocation> revocations;

  public AppDirectory(String bootstrapServers) {
    this.apps =
        new CompactedTopicView<>(
            bootstrapServers,
            Topics.CONFIG_APPS,
            bytes -> Json.read(bytes, AppConfig.class),
            "clickstream-collector-config-apps");
    this.revocations =
        new CompactedTopicView<>(
            bootstrapServers,
            Topics.CONFIG_TOKEN_REVOCATIONS,
            bytes -> Json.read(bytes, TokenRevocation.class),
            "clickstream-collector-config-revocations");
  }

  /** Hears of apps that were deleted (tombstoned); call before {@link #start()}. */
  public AppDirectory onAppDeleted(Consumer<String> listener) {
    apps.addListener(
        (appId, oldValue, newValue) -> {
          if (newValue == null) {
            listener.accept(appId);
          }
        });
    return this;
  }

  /** Hears of revoked tokens: the app id and the token id. Call before {@link #start()}. */
  public AppDirectory onTokenRevoked(BiConsumer<String, String> listener) {
    revocations.addListener(
        (tokenId, oldValue, newValue) -> {
          if (newValue != null) {
            listener.accept(newValue.appId(), tokenId);
          }
        });
    return this;
  }

  public AppDirectory start() {
    apps.start();
    revocations.start();
    return this;
  }

  /** Waits until both topics were read up to where they ended at start. */
  public boolean awaitLoaded(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    return apps.awaitCaughtUp(timeout)
        && revocations.awaitCaughtUp(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  public boolean isLoaded() {
    return apps.isCaughtUp() && revocations.isCaughtUp();
  }

  public Optional<AppConfig> app(String appId) {
    return apps.get(appId);
  }

  public boolean isRevoked(String tokenId) {
    return revocations.get(tokenId).isPresent();
  }

  /**
   * The app's limits, with the defaults standing in for what is missing or not positive (a setting
   * of 0 would lock an app out, which no one means to do through a limit).
   */
  public AppSettings settings(String appId) {
    AppSettings configured = app(appId).map(AppConfig::settings).orElse(null);
    AppSettings defaults = AppSettings.DEFAULTS;
    if (configured == null) {
      return defaults;
    }
    return new AppSettings(
        positiveOr(configured.rateLimitEps(), defaults.rateLimitEps()),
        positiveOr(configured.maxConnections(), defaults.maxConnections()),
        positiveOr(configured.sessionTimeoutMin(), defaults.sessionTimeoutMin()));
  }

  public int appCount() {
    return apps.size();
  }

  public int revokedTokenCount() {
    return revocations.size();
  }

  @Override
  public void close() {
    apps.close();
    revocations.close();
  }

  private static int positiveOr(int value, int fallback) {
    return value > 0 ? value : fallback;
  }
}
