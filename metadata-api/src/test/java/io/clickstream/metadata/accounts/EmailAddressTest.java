package io.clickstream.metadata.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Ann@Example.COM, ann@example.com, example.com",
    "'  bob.smith+tag@sub.example.org ', bob.smith+tag@sub.example.org, sub.example.org",
    "o'neil@example.ie, o'neil@example.ie, example.ie",
    "user@bücher.example, user@xn--bcher-kva.example, xn--bcher-kva.example",
    "user@example.com., user@example.com, example.com",
  })
  void validAddressesAreNormalised(String input, String normalised, String domain) {
    EmailAddress address = EmailAddress.parse(input).orElseThrow();
    assertThat(address.value()).isEqualTo(normalised);
    assertThat(address.domain()).isEqualTo(domain);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain",
        "@example.com",
        "ann@",
        "ann@@example.com",
        "ann@localhost",
        "ann@example",
        "ann@example.c0m",
        ".ann@example.com",
        "ann.@example.com",
        "an..n@example.com",
        "\"ann\"@example.com",
        "ann smith@example.com",
        "ann@exa mple.com",
        "ann@-example.com",
        "ann@example-.com",
        "ann@[127.0.0.1]",
        "ann@example.com\u0000",
        "ann\n@example.com",
      })
  void invalidAddressesAreRefused(String input) {
    assertThat(EmailAddress.parse(input)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void overlongAddressesAreRefused() {
    assertThat(EmailAddress.parse("a".repeat(65) + "@example.com")).isEmpty();
    assertThat(EmailAddress.parse("a@" + "b".repeat(64) + ".com")).isEmpty();
    assertThat(EmailAddress.parse("a@" + ("b".repeat(60) + ".").repeat(5) + "com")).isEmpty();
  }
}
