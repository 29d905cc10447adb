package io.clickstream.collector.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP addresses written as text, parsed without ever resolving a name: {@link InetAddress#getByName}
 * would look up anything that is not a literal, and a header must not make us query DNS.
 */
final class IpLiterals {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private IpLiterals() {}

  static Optional<InetAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String candidate = text.trim();
    boolean v4 = IPV4.matcher(candidate).matches();
    boolean v6 = !v4 && candidate.indexOf(':') >= 0 && IPV6.matcher(candidate).matches();
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(candidate));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  static InetAddress parse(byte[] address) {
    try {
      return InetAddress.getByAddress(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("an IP address has 4 or 16 bytes", e);
    }
  }

  /** An X-Forwarded-For entry: an address, possibly in brackets or with a port. */
  static Optional<InetAddress> parseForwarded(String entry) {
    String value = entry.trim();
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? Optional.empty() : parse(value.substring(1, end));
    }
    int colon = value.indexOf(':');
    if (colon >= 0 && colon == value.lastIndexOf(':')) {
      value = value.substring(0, colon); // IPv4 with a port
    }
    return parse(value);
  }
}
