package io.clickstream.model.config;

/** Record keys of the compacted config topics: one place, so producer and readers agree. */
public final class ConfigKeys {
  private ConfigKeys() {}

  public static String app(String appId) {
    return appId;
  }

  public static String tokenRevocation(String tokenId) {
    return tokenId;
  }

  public static String funnel(String appId, String funnelId) {
    return appId + ":" + funnelId;
  }

  public static String product(String appId, String productId) {
    return appId + ":" + productId;
  }
}
