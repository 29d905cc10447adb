package io.clickstream.metadata.config;

import io.clickstream.metadata.auth.Authorizer;
import io.clickstream.metadata.auth.Permission;
import io.clickstream.metadata.db.Sql;
import io.clickstream.metadata.db.Transactor;
import io.clickstream.metadata.http.ApiErrors;
import io.clickstream.metadata.http.Cursor;
import io.clickstream.metadata.http.Page;
import io.clickstream.metadata.outbox.ConfigChanges;
import io.clickstream.model.config.ProductInfo;
import io.clickstream.platform.auth.Principal;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The product catalogue of an app; each change goes to {@code clickstream.config.products}. */
public final class Products {
  private static final String COLUMNS =
      "product_id, app_id, name, category, price, created_at, updated_at";

  private final Transactor db;
  private final Authorizer authorizer;
  private final Clock clock;

  public Products(Transactor db, Authorizer authorizer, Clock clock) {
    this.db = db;
    this.authorizer = authorizer;
    this.clock = clock;
  }

  /** A product's writable fields. */
  record Fields(String name, String category, BigDecimal price) {}

  /** A product after a write, and whether the write created it. */
  record Written(ProductView product, boolean created) {}

  ProductView create(Principal caller, UUID appId, String productId, Fields fields) {
    return db.inTransaction(
        c -> {
          authorizer.requireUnlocked(c, caller, appId, Permission.EDIT_CONFIGURATION);
          ProductView product =
              Sql.one(
                      c,
                      "INSERT INTO products (app_id, product_id, name, category, price,"
                          + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                          + " ON CONFLICT (app_id, product_id) DO NOTHING RETURNING "
                          + COLUMNS,
                      Products::viewOf,
                      appId,
                      productId,
                      fields.name(),
                      fields.category(),
                      fields.price(),
                      clock.instant(),
                      clock.instant())
                  .orElseThrow(
                      () ->
                          ApiErrors.conflict(
                              "product_exists",
                              "A product with this id exists; PUT /products/{id} replaces it."));
          publish(c, product);
          return product;
        });
  }

  /** Creates or replaces the product (its id is the app's own, so PUT may create it). */
  Written put(Principal caller, UUID appId, String productId, Fields fields) {
    return db.inTransaction(
        c -> {
          authorizer.requireUnlocked(c, caller, appId, Permission.EDIT_CONFIGURATION);
          Written written =
              Sql.one(
                      c,
                      "INSERT INTO products (app_id, product_id, name, category, price,"
                          + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                          + " ON CONFLICT (app_id, product_id) DO UPDATE SET name = EXCLUDED.name,"
                          + " category = EXCLUDED.category, price = EXCLUDED.price,"
                          + " updated_at = EXCLUDED.updated_at RETURNING "
                          + COLUMNS
                          + ", (xmax = 0) AS created",
                      r -> new Written(viewOf(r), r.getBoolean("created")),
                      appId,
                      productId,
                      fields.name(),
                      fields.category(),
                      fields.price(),
                      clock.instant(),
                      clock.instant())
                  .orElseThrow();
          publish(c, written.product());
          return written;
        });
  }

  void delete(Principal caller, UUID appId, String productId) {
    db.inTransaction(
        c -> {
          authorizer.requireUnlocked(c, caller, appId, Permission.EDIT_CONFIGURATION);
          if (Sql.update(
                  c, "DELETE FROM products WHERE app_id = ? AND product_id = ?", appId, productId)
              == 0) {
            throw ApiErrors.notFound("Product");
          }
          ConfigChanges.productDeleted(c, appId.toString(), productId);
          return null;
        });
  }

  ProductView get(Principal caller, UUID appId, String productId) {
    return db.read(
        c -> {
          authorizer.require(c, caller, appId, Permission.READ, Authorizer.Lock.NONE);
          return Sql.one(
                  c,
                  "SELECT " + COLUMNS + " FROM products WHERE app_id = ? AND product_id = ?",
                  Products::viewOf,
                  appId,
                  productId)
              .orElseThrow(() -> ApiErrors.notFound("Product"));
        });
  }

  /** Products in id order (the column collates bytewise, so the cursor is exact). */
  Page<ProductView> list(Principal caller, UUID appId, List<String> cursor, int limit) {
    return db.read(
        c -> {
          authorizer.require(c, caller, appId, Permission.READ, Authorizer.Lock.NONE);
          List<ProductView> rows =
              Sql.list(
                  c,
                  "SELECT "
                      + COLUMNS
                      + " FROM products WHERE app_id = ?"
                      + (cursor == null ? "" : " AND product_id > ?")
                      + " ORDER BY product_id LIMIT ?",
                  Products::viewOf,
                  cursor == null
                      ? new Object[] {appId, limit + 1}
                      : new Object[] {appId, cursor.get(0), limit + 1});
          return Cursor.page(rows, limit, p -> Cursor.encode(p.id()));
        });
  }

  private static void publish(Connection c, ProductView product) throws SQLException {
    ConfigChanges.productChanged(
        c,
        new ProductInfo(
            product.appId(),
            product.id(),
            product.name(),
            product.category(),
            product.price() == null ? null : product.price().doubleValue()));
  }

  private static ProductView viewOf(ResultSet r) throws SQLException {
    BigDecimal price = r.getBigDecimal("price");
    return new ProductView(
        r.getString("product_id"),
        r.getString("app_id"),
        r.getString("name"),
        r.getString("category"),
        price == null ? null : new BigDecimal(price.stripTrailingZeros().toPlainString()),
        Sql.instant(r, "created_at").toString(),
        Sql.instant(r, "updated_at").toString());
  }
}
