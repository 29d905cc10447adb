package io.clickstream.collector.web;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a request came from, for the daily IP hash and for the scheme of the WebSocket URL. The peer
 * of the TCP connection is the client, unless it is one of the trusted proxies ({@code
 * --trusted-proxies}): then {@code X-Forwarded-For} is read from the right, skipping trusted
 * proxies, and the first other address is the client; {@code X-Forwarded-Proto} and {@code
 * X-Forwarded-Host} are believed too. Headers from anyone else are ignored: they are the client's
 * to forge.
 */
public final class ClientAddresses {
  private static final HttpString FORWARDED_FOR = new HttpString("X-Forwarded-For");
  private static final HttpString FORWARDED_PROTO = new HttpString("X-Forwarded-Proto");
  private static final HttpString FORWARDED_HOST = new HttpString("X-Forwarded-Host");

  private final List<Cidr> trustedProxies;

  /**
   * @param trustedProxies CIDRs or addresses, e.g. {@code 10.0.0.0/8}
   * @throws IllegalArgumentException for an entry that is not one
   */
  public ClientAddresses(List<String> trustedProxies) {
    this.trustedProxies =
        trustedProxies.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
  }

  /** The client's IP address as text; it never leaves the collector except as a hash. */
  public String clientIp(HttpServerExchange exchange) {
    InetAddress peer = exchange.getSourceAddress().getAddress();
    if (!isTrusted(peer)) {
      return peer.getHostAddress();
    }
    List<String> entries = forwardedFor(exchange);
    InetAddress client = peer;
    for (int i = entries.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = IpLiterals.parseForwarded(entries.get(i));
      if (hop.isEmpty()) {
        break; // garbage: trust nothing to the left of it
      }
      client = hop.get();
      if (!isTrusted(client)) {
        break;
      }
    }
    return client.getHostAddress();
  }

  /** {@code https} or {@code http}, as the client sees the collector. */
  public String scheme(HttpServerExchange exchange) {
    if (isTrusted(exchange.getSourceAddress().getAddress())) {
      String proto = exchange.getRequestHeaders().getFirst(FORWARDED_PROTO);
      if (proto != null) {
        String first = proto.split(",", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (first.equals("https") || first.equals("http")) {
          return first;
        }
      }
    }
    return exchange.getRequestScheme();
  }

  /** The host (and port) the client addressed, as the client sees the collector. */
  public String host(HttpServerExchange exchange) {
    if (isTrusted(exchange.getSourceAddress().getAddress())) {
      String forwarded = exchange.getRequestHeaders().getFirst(FORWARDED_HOST);
      if (forwarded != null && !forwarded.isBlank()) {
        return forwarded.split(",", 2)[0].trim();
      }
    }
    return exchange.getHostAndPort();
  }

  private boolean isTrusted(InetAddress address) {
    for (Cidr cidr : trustedProxies) {
      if (cidr.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> forwardedFor(HttpServerExchange exchange) {
    var values = exchange.getRequestHeaders().get(FORWARDED_FOR);
    if (values == null) {
      return List.of();
    }
    // Several headers count as one list, in order.
    return values.stream().flatMap(v -> List.of(v.split(",")).stream()).toList();
  }
}
