package io.clickstream.platform.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL address as given in {@code DATABASE_URL}: either {@code
 * postgresql://user:password@host:port/db} (the common form) or a JDBC URL with user and password
 * as parameters. The password never appears in {@link #toString()}.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

  public static DatabaseUrl parse(String url) {
    if (url.startsWith("jdbc:postgresql:")) {
      return new DatabaseUrl(url, null, null);
    }
    URI uri = URI.create(url);
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "DATABASE_URL must start with postgresql:// or jdbc:postgresql:");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    // pgjdbc refuses a URL without the slash after host:port; with it, the database defaults to
    // the user's name, as in libpq.
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + path + query;
    return new DatabaseUrl(jdbc, user, password);
  }

  // URLDecoder decodes HTML form data, where '+' is a space; in a URL it is a plus.
  private static String decode(String part) {
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  // A JDBC URL may carry the password as a parameter; it must not reach a log line either.
  @Override
  public String toString() {
    String redacted = jdbcUrl.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    return "DatabaseUrl[" + redacted + ", user=" + user + "]";
  }
}
