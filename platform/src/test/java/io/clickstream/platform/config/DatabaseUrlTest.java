package io.clickstream.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void postgresqlUrlBecomesJdbcUrlUserAndPassword() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgresql://clickstream:s3cret@db.example:6543/analytics");

    assertThat(url)
        .isEqualTo(
            new DatabaseUrl(
                "jdbc:postgresql://db.example:6543/analytics", "clickstream", "s3cret"));
  }

  @Test
  void postgresSchemeIsAcceptedToo() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://clickstream:s3cret@db.example:6543/analytics");

    assertThat(url)
        .isEqualTo(
            new DatabaseUrl(
                "jdbc:postgresql://db.example:6543/analytics", "clickstream", "s3cret"));
  }

  @Test
  void missingPortMeansPostgresDefaultPort() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://clickstream:s3cret@localhost/analytics");

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/analytics");
  }

  @Test
  void percentEncodedUserAndPasswordAreDecoded() {
    DatabaseUrl url =
        DatabaseUrl.parse(
            "postgresql://click%40stream:p%40ss%3Aw%2Frd%25@localhost:5432/analytics");

    assertThat(url.user()).isEqualTo("click@stream");
    assertThat(url.password()).isEqualTo("p@ss:w/rd%");
  }

  @Test
  void plusInPasswordIsAPlusNotASpace() {
    // URLs are percent-encoded; '+' stands for a space only in HTML form data.
    DatabaseUrl url = DatabaseUrl.parse("postgresql://clickstream:a+b%2Bc@localhost/analytics");

    assertThat(url.password()).isEqualTo("a+b+c");
  }

  @Test
  void userWithoutPasswordHasNoPassword() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://clickstream@localhost:5432/analytics");

    assertThat(url)
        .isEqualTo(
            new DatabaseUrl("jdbc:postgresql://localhost:5432/analytics", "clickstream", null));
  }

  @Test
  void urlWithoutCredentialsHasNoUserOrPassword() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost:5432/analytics");

    assertThat(url)
        .isEqualTo(new DatabaseUrl("jdbc:postgresql://localhost:5432/analytics", null, null));
  }

  @Test
  void urlWithoutDatabaseKeepsTheSlashTheJdbcDriverNeeds() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://clickstream:s3cret@db.example:6543");

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/");
  }

  @Test
  void queryParametersAreKept() {
    DatabaseUrl url =
        DatabaseUrl.parse(
            "postgresql://clickstream:s3cret@db.example/analytics?sslmode=require&application_name=collector");

    assertThat(url.jdbcUrl())
        .isEqualTo(
            "jdbc:postgresql://db.example:5432/analytics?sslmode=require&application_name=collector");
  }

  @Test
  void ipv6HostKeepsItsBrackets() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://clickstream:s3cret@[::1]:5433/analytics");

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/analytics");
  }

  @Test
  void jdbcUrlIsUsedAsItIs() {
    DatabaseUrl url =
        DatabaseUrl.parse(
            "jdbc:postgresql://db.example:5432/analytics?user=clickstream&password=s3cret");

    assertThat(url)
        .isEqualTo(
            new DatabaseUrl(
                "jdbc:postgresql://db.example:5432/analytics?user=clickstream&password=s3cret",
                null,
                null));
  }

  @Test
  void otherSchemesAreRefused() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:pw@localhost:3306/analytics"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DATABASE_URL must start with postgresql:// or jdbc:postgresql:");
    assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:mysql://localhost:3306/analytics"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringShowsAddressAndUserButNotThePassword() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgresql://clickstream:s3cret@db.example:6543/analytics");

    assertThat(url.toString())
        .isEqualTo("DatabaseUrl[jdbc:postgresql://db.example:6543/analytics, user=clickstream]");
  }

  @Test
  void toStringHidesAPasswordGivenAsJdbcParameter() {
    DatabaseUrl url =
        DatabaseUrl.parse(
            "jdbc:postgresql://db.example:5432/analytics?user=clickstream&password=s3cret&ssl=true");

    assertThat(url.toString())
        .isEqualTo(
            "DatabaseUrl[jdbc:postgresql://db.example:5432/analytics"
                + "?user=clickstream&password=***&ssl=true, user=null]");
  }
}
