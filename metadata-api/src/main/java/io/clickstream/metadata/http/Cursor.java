package io.clickstream.metadata.http;

import io.clickstream.platform.http.ApiException;
import io.clickstream.platform.http.QueryParams;
import io.undertow.server.HttpServerExchange;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset pagination: a cursor is the sort key of the last item of a page, opaque to clients
 * (base64url of its parts joined by a separator that cannot occur in them). Unlike offsets, pages
 * stay stable while items are added.
 */
public final class Cursor {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;
  private static final char SEPARATOR = '\u0000';
  private static final int MAX_CURSOR_LENGTH = 2048;

  private Cursor() {}

  /** The requested page size ({@code ?limit=}, 1–200, default 50). */
  public static int limit(HttpServerExchange exchange) {
    return QueryParams.intValue(exchange, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
  }

  /** The parts of {@code ?cursor=}, or null on the first page; 400 when it is not one of ours. */
  public static List<String> parts(HttpServerExchange exchange, int expectedParts) {
    String cursor = QueryParams.optional(exchange, "cursor").orElse(null);
    if (cursor == null) {
      return null;
    }
    try {
      if (cursor.length() > MAX_CURSOR_LENGTH) {
        throw new IllegalArgumentException();
      }
      String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      List<String> parts = List.of(decoded.split(String.valueOf(SEPARATOR), -1));
      if (parts.size() != expectedParts) {
        throw new IllegalArgumentException();
      }
      return parts;
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Parameter 'cursor' is not a cursor this API returned.");
    }
  }

  public static String encode(String... parts) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            String.join(String.valueOf(SEPARATOR), parts).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A page from {@code limit + 1} fetched rows: the extra row only tells that there is a next page,
   * whose cursor is the key of the last row kept.
   */
  public static <T> Page<T> page(List<T> fetched, int limit, Function<T, String> cursorOf) {
    if (fetched.size() <= limit) {
      return new Page<>(fetched, null);
    }
    List<T> items = fetched.subList(0, limit);
    return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)));
  }
}
