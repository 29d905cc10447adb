package io.clickstream.topology.product;

import io.clickstream.model.Event;
import io.clickstream.model.Product;
import io.clickstream.topology.aggregate.Measure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The per-product counters of one event (DESIGN §4): a product_view is a view, an add_to_cart an
 * add to cart, a purchase a purchase and its revenue, price × quantity (quantity 1 when absent), in
 * micro-units so that sums stay exact integers. Events without a product id count nowhere here.
 */
public final class ProductCounts {
  /** One counter: {@code amount} added to {@code measure} of product {@code productId}. */
  public record Count(Measure measure, String productId, long amount) {}

  private ProductCounts() {}

  public static List<Count> of(Event event) {
    Product product = event.product();
    if (product == null || product.id() == null || product.id().isEmpty()) {
      return List.of();
    }
    String id = product.id();
    return switch (event.type()) {
      case PRODUCT_VIEW -> List.of(new Count(Measure.PRODUCT_VIEWS, id, 1));
      case ADD_TO_CART -> List.of(new Count(Measure.PRODUCT_ADD_TO_CART, id, 1));
      case PURCHASE ->
          List.of(
              new Count(Measure.PRODUCT_PURCHASES, id, 1),
              new Count(Measure.PRODUCT_REVENUE_MICROS, id, revenueMicros(product)));
      default -> List.of();
    };
  }

  /** price × quantity in millionths, rounded half up; 0 without a price. */
  static long revenueMicros(Product product) {
    if (product.price() == null || !Double.isFinite(product.price())) {
      return 0;
    }
    return BigDecimal.valueOf(product.price())
        .multiply(BigDecimal.valueOf(product.quantityOrOne()))
        .movePointRight(6)
        .setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
  }
}
