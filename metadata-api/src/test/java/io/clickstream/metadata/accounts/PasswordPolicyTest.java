package io.clickstream.metadata.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {
  private final PasswordPolicy policy = new PasswordPolicy();
  private final EmailAddress email = EmailAddress.parse("melanie@example.com").orElseThrow();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "short|must be at least 10 characters",
        "aaaaabbbbbb|must contain at least 5 different characters",
        "Password123|is too common; choose a longer phrase",
        "QWERTYUIOP|is too common; choose a longer phrase",
        "melanie-2024-rocks|must not contain your email address",
      })
  void weakPasswordsAreRefusedWithTheReason(String password, String problem) {
    assertThat(policy.problem(password, email)).isEqualTo(problem);
  }

  @Test
  void longPassphrasesOfAnyCharactersAreAccepted() {
    assertThat(policy.problem("correct horse battery staple", email)).isNull();
    assertThat(policy.problem("пароль-для-входа-1", email)).isNull();
    assertThat(policy.problem("🐴🔋📎✔️ staple", email)).isNull();
  }

  @Test
  void lengthCountsCharactersNotBytesOrUtf16Units() {
    // Nine emoji are 18 UTF-16 units but nine characters: too short.
    assertThat(policy.problem("🐴🔋📎🌵🎈🎸🍀🚲🧩", email))
        .isEqualTo("must be at least 10 characters");
    assertThat(
            policy.problem(
                "x".repeat(200) + "abcdefghijklmnopqrstuvwxyz0123456789".repeat(2), email))
        .isEqualTo("must be at most 256 characters");
  }
}
