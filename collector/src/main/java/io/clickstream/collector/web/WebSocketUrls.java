package io.clickstream.collector.web;

import io.undertow.server.HttpServerExchange;

/**
 * The {@code ws_url} a hello answers with: the configured public URL when there is one (the
 * collector behind a path or another host), otherwise the scheme and host the client used, as told
 * by a trusted proxy when there is one; {@code ws} for {@code http}, {@code wss} for {@code https}.
 */
public final class WebSocketUrls {
  private final ClientAddresses addresses;
  private final String publicUrl;

  /**
   * @param publicUrl e.g. {@code https://collector.example.com}; null to follow the request
   */
  public WebSocketUrls(ClientAddresses addresses, String publicUrl) {
    this.addresses = addresses;
    this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : stripSlash(publicUrl);
  }

  String forTicket(HttpServerExchange exchange, String ticket) {
    String base =
        publicUrl != null
            ? publicUrl
            : addresses.scheme(exchange) + "://" + addresses.host(exchange);
    // Tickets are base64url JWTs: nothing in them needs escaping in a query string.
    return base.replaceFirst("^http", "ws") + "/v1/ws?ticket=" + ticket;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
