package io.clickstream.collector.web;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * A block of IP addresses such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is /32 or
 * /128.
 */
record Cidr(byte[] network, int prefixLength) {

  static Cidr parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    InetAddress address =
        IpLiterals.parse(slash < 0 ? trimmed : trimmed.substring(0, slash))
            .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR: " + text));
    int bits = address.getAddress().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(trimmed.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad prefix length in CIDR: " + text, e);
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("prefix length out of range in CIDR: " + text);
      }
    }
    return new Cidr(address.getAddress(), prefix);
  }

  boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int remainingBits = prefixLength % 8;
    if (remainingBits == 0) {
      return true;
    }
    int mask = (0xFF << (8 - remainingBits)) & 0xFF;
    return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr cidr
        && prefixLength == cidr.prefixLength
        && Arrays.equals(network, cidr.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    return IpLiterals.parse(network).getHostAddress() + "/" + prefixLength;
  }
}
