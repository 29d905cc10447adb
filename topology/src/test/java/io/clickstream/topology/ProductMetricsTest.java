package io.clickstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.model.Json;
import io.clickstream.model.Product;
import io.clickstream.model.config.ProductInfo;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.redis.RedisKeys.ProductFigure;
import io.clickstream.platform.time.Interval;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DESIGN §4's products: views, adds to cart, purchases and exact revenue; catalogue names. */
class ProductMetricsTest {
  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
  private final TopologyHarness h = new TopologyHarness(T);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void productEventsCountPerProductAndRevenueIsPriceTimesQuantityInMicros() {
    h.send(product(EventType.PRODUCT_VIEW, "v1", new Product("sku-1", "Lamp", 19.99, "EUR", null)));
    h.send(product(EventType.PRODUCT_VIEW, "v2", new Product("sku-1", null, null, null, null)));
    h.send(product(EventType.PRODUCT_VIEW, "v2", new Product("sku-2", null, null, null, null)));
    h.send(product(EventType.ADD_TO_CART, "v1", new Product("sku-1", null, 19.99, "EUR", 2)));
    h.send(product(EventType.PURCHASE, "v1", new Product("sku-1", "Lamp", 19.99, "EUR", 2)));
    h.send(product(EventType.PURCHASE, "v2", new Product("sku-1", "Lamp", 0.1, "EUR", null)));
    h.send(product(EventType.PURCHASE, "v2", new Product("sku-2", "Bulb", 0.7, "EUR", 3)));
    h.flush();

    for (Interval interval : Interval.values()) {
      long bucket = interval.bucketStart(T.toEpochMilli());
      assertThat(figure(interval, bucket, ProductFigure.VIEWS))
          .isEqualTo(Map.of("sku-1", "2", "sku-2", "1"));
      assertThat(figure(interval, bucket, ProductFigure.ADD_TO_CART))
          .isEqualTo(Map.of("sku-1", "1"));
      assertThat(figure(interval, bucket, ProductFigure.PURCHASES))
          .isEqualTo(Map.of("sku-1", "2", "sku-2", "1"));
      // 19.99 × 2 + 0.1 × 1 = 40.08; 0.7 × 3 = 2.1 (no binary floating-point drift).
      assertThat(figure(interval, bucket, ProductFigure.REVENUE_MICROS))
          .isEqualTo(Map.of("sku-1", "40080000", "sku-2", "2100000"));
    }
  }

  @Test
  void theCatalogueGivesNamesAndCategoriesAndADeletionRemovesThem() {
    h.product(new ProductInfo(h.app, "sku-1", "Lamp", "Lighting", 19.99));
    h.product(new ProductInfo(h.app, "sku-2", "Bulb", null, 0.7));
    h.flush();
    Map<String, String> info = h.hash(RedisKeys.productInfo(h.app));
    assertThat(info).containsOnlyKeys("sku-1", "sku-2");
    assertThat(Json.readTree(info.get("sku-1")).path("name").asText()).isEqualTo("Lamp");
    assertThat(Json.readTree(info.get("sku-1")).path("category").asText()).isEqualTo("Lighting");
    assertThat(Json.readTree(info.get("sku-2")).path("name").asText()).isEqualTo("Bulb");

    h.product(new ProductInfo(h.app, "sku-1", "Desk lamp", "Lighting", 24.99));
    h.deleteProduct("sku-2");
    h.flush();
    info = h.hash(RedisKeys.productInfo(h.app));
    assertThat(info).containsOnlyKeys("sku-1");
    assertThat(Json.readTree(info.get("sku-1")).path("name").asText()).isEqualTo("Desk lamp");
  }

  private Map<String, String> figure(Interval interval, long bucket, ProductFigure figure) {
    return h.hash(RedisKeys.products(h.app, interval, bucket, figure));
  }

  private Event product(EventType type, String visitor, Product product) {
    return h.event(type, visitor, T).product(product).build();
  }
}
