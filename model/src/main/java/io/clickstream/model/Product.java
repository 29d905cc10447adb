package io.clickstream.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The product a product_view, add_to_cart or purchase event is about. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Product(String id, String name, Double price, String currency, Integer quantity) {

  /** DESIGN §4: revenue counts a purchase without a quantity as one item. */
  public int quantityOrOne() {
    return quantity == null ? 1 : quantity;
  }
}
