package io.clickstream.collector.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {

  @Test
  void anIpv4BlockContainsItsAddressesOnly() {
    Cidr block = Cidr.parse("10.1.0.0/16");

    assertThat(block.contains(ip("10.1.0.0"))).isTrue();
    assertThat(block.contains(ip("10.1.255.255"))).isTrue();
    assertThat(block.contains(ip("10.2.0.1"))).isFalse();
    assertThat(block.contains(ip("::ffff:a01:1"))).isTrue(); // Java maps it to 10.1.0.1
  }

  @Test
  void prefixesThatDoNotEndOnAByteBoundaryWork() {
    Cidr block = Cidr.parse("192.168.1.64/26");

    assertThat(block.contains(ip("192.168.1.64"))).isTrue();
    assertThat(block.contains(ip("192.168.1.127"))).isTrue();
    assertThat(block.contains(ip("192.168.1.128"))).isFalse();
    assertThat(block.contains(ip("192.168.1.63"))).isFalse();
  }

  @Test
  void aBareAddressIsABlockOfOneAndIpv6Works() {
    assertThat(Cidr.parse("127.0.0.1").contains(ip("127.0.0.1"))).isTrue();
    assertThat(Cidr.parse("127.0.0.1").contains(ip("127.0.0.2"))).isFalse();
    assertThat(Cidr.parse("fd00::/8").contains(ip("fd12:3456::1"))).isTrue();
    assertThat(Cidr.parse("fd00::/8").contains(ip("fe80::1"))).isFalse();
    assertThat(Cidr.parse("fd00::/8").contains(ip("10.0.0.1"))).isFalse();
  }

  @Test
  void namesAndBadPrefixesAreRefusedWithoutResolvingAnything() {
    assertThatThrownBy(() -> Cidr.parse("localhost")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void forwardedEntriesMayCarryPortsOrBrackets() {
    assertThat(IpLiterals.parseForwarded(" 203.0.113.7:5123")).contains(ip("203.0.113.7"));
    assertThat(IpLiterals.parseForwarded("[2001:db8::1]:443")).contains(ip("2001:db8::1"));
    assertThat(IpLiterals.parseForwarded("2001:db8::1")).contains(ip("2001:db8::1"));
    assertThat(IpLiterals.parseForwarded("unknown")).isEmpty();
  }

  private static InetAddress ip(String literal) {
    return IpLiterals.parse(literal).orElseThrow();
  }
}
