package io.clickstream.metadata.outbox;

import io.clickstream.model.config.AppConfig;
import io.clickstream.model.config.ConfigKeys;
import io.clickstream.model.config.FunnelDefinition;
import io.clickstream.model.config.ProductInfo;
import io.clickstream.model.config.TokenRevocation;
import io.clickstream.platform.kafka.Topics;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The changes the stream needs, as records of the compacted {@code clickstream.config.*} topics.
 */
public final class ConfigChanges {
  private ConfigChanges() {}

  public static void appChanged(Connection c, AppConfig app) throws SQLException {
    Outbox.append(c, Topics.CONFIG_APPS, ConfigKeys.app(app.appId()), app);
  }

  public static void appDeleted(Connection c, String appId) throws SQLException {
    Outbox.append(c, Topics.CONFIG_APPS, ConfigKeys.app(appId), null);
  }

  public static void tokenRevoked(Connection c, TokenRevocation revocation) throws SQLException {
    Outbox.append(
        c,
        Topics.CONFIG_TOKEN_REVOCATIONS,
        ConfigKeys.tokenRevocation(revocation.tokenId()),
        revocation);
  }

  public static void funnelChanged(Connection c, FunnelDefinition funnel) throws SQLException {
    Outbox.append(
        c, Topics.CONFIG_FUNNELS, ConfigKeys.funnel(funnel.appId(), funnel.funnelId()), funnel);
  }

  public static void funnelDeleted(Connection c, String appId, String funnelId)
      throws SQLException {
    Outbox.append(c, Topics.CONFIG_FUNNELS, ConfigKeys.funnel(appId, funnelId), null);
  }

  public static void productChanged(Connection c, ProductInfo product) throws SQLException {
    Outbox.append(
        c,
        Topics.CONFIG_PRODUCTS,
        ConfigKeys.product(product.appId(), product.productId()),
        product);
  }

  public static void productDeleted(Connection c, String appId, String productId)
      throws SQLException {
    Outbox.append(c, Topics.CONFIG_PRODUCTS, ConfigKeys.product(appId, productId), null);
  }
}
