package io.clickstream.query.endpoints;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;
import io.clickstream.platform.http.JsonEndpoint;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.redis.RedisKeys.ProductFigure;
import io.clickstream.query.read.QueryRange;
import io.clickstream.query.read.RangeReads;
import io.undertow.server.HttpServerExchange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /products/top?by=views|add_to_cart|purchases|revenue}: per product id, views,
 * add-to-carts, purchases and revenue (kept in micro-units, reported as a decimal), the top {@code
 * limit} by the chosen figure; names from the product catalogue when known.
 */
public final class ProductsEndpoint implements JsonEndpoint {
  static final List<String> ORDERS = List.of("views", "add_to_cart", "purchases", "revenue");

  private final QueryContext context;

  public ProductsEndpoint(QueryContext context) {
    this.context = context;
  }

  @Override
  public Items<Product> handle(HttpServerExchange exchange) {
    String app = context.guard().requireReadable(exchange);
    QueryRange range = context.ranges().forTotals(exchange);
    int limit = Params.limit(exchange);
    String by = Params.oneOf(exchange, "by", ORDERS);
    RangeReads reads = context.reader().over(range, app);
    Map<ProductFigure, Map<String, Long>> figures = new EnumMap<>(ProductFigure.class);
    Set<String> ids = new HashSet<>();
    for (ProductFigure figure : ProductFigure.values()) {
      Map<String, Long> sums =
          reads.sum((a, interval, start) -> RedisKeys.products(a, interval, start, figure));
      figures.put(figure, sums);
      ids.addAll(sums.keySet());
    }
    List<Product> products = new ArrayList<>();
    for (String id : ids) {
      products.add(
          new Product(
              id,
              null,
              figure(figures, ProductFigure.VIEWS, id),
              figure(figures, ProductFigure.ADD_TO_CART, id),
              figure(figures, ProductFigure.PURCHASES, id),
              money(figure(figures, ProductFigure.REVENUE_MICROS, id))));
    }
    List<Product> top =
        Ranking.top(
            products,
            product ->
                switch (by) {
                  case "add_to_cart" -> product.addToCart();
                  case "purchases" -> product.purchases();
                  case "revenue" ->
                      figure(figures, ProductFigure.REVENUE_MICROS, product.productId());
                  default -> product.views();
                },
            Product::productId,
            limit);
    return new Items<>(withNames(app, top));
  }

  private List<Product> withNames(String app, List<Product> products) {
    if (products.isEmpty()) {
      return products;
    }
    List<String> names =
        context
            .reader()
            .redis()
            .hmget(
                RedisKeys.productInfo(app),
                products.stream().map(Product::productId).toArray(String[]::new));
    List<Product> named = new ArrayList<>(products.size());
    for (int i = 0; i < products.size(); i++) {
      Product product = products.get(i);
      String name = null;
      if (names.get(i) != null) {
        JsonNode info = Json.readTree(names.get(i));
        name = info.path("name").isTextual() ? info.path("name").asText() : null;
      }
      named.add(
          new Product(
              product.productId(),
              name,
              product.views(),
              product.addToCart(),
              product.purchases(),
              product.revenue()));
    }
    return named;
  }

  /** Micro-units as a plain decimal: 19990000 → 19.99, 20000000 → 20. */
  static BigDecimal money(long micros) {
    BigDecimal value = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  private static long figure(
      Map<ProductFigure, Map<String, Long>> figures, ProductFigure figure, String id) {
    return figures.get(figure).getOrDefault(id, 0L);
  }

  /** One product's figures; {@code name} is null when the catalogue does not know it. */
  public record Product(
      @JsonProperty("product_id") String productId,
      @JsonInclude(JsonInclude.Include.ALWAYS) String name,
      long views,
      @JsonProperty("add_to_cart") long addToCart,
      long purchases,
      BigDecimal revenue) {}
}
