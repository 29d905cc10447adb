package io.clickstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

class PostgresAndRedisTest {

  @Test
  void databaseUrlNamesTheClickstreamRoleAndDatabase() {
    URI url = URI.create(TestServices.get().databaseUrl());

    assertThat(url.getScheme()).isEqualTo("postgresql");
    assertThat(url.getUserInfo()).isEqualTo("clickstream:clickstream");
    assertThat(url.getHost()).isEqualTo("127.0.0.1");
    assertThat(url.getPath()).isEqualTo("/clickstream");
  }

  @Test
  void theClickstreamRoleCreatesTablesInPublic() throws SQLException {
    try (Connection connection = connect(TestServices.get().databaseUrl());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.greetings (id int PRIMARY KEY, text varchar(20))");
      statement.execute("INSERT INTO greetings VALUES (1, 'hello'), (2, 'world')");

      assertThat(texts(statement, "SELECT text FROM greetings ORDER BY id"))
          .containsExactly("hello", "world");
      assertThat(texts(statement, "SELECT current_user")).containsExactly("clickstream");
    }
  }

  @Test
  void redisStoresAndReturnsAValue() {
    try (JedisPooled redis = new JedisPooled(URI.create(TestServices.get().redisUrl()))) {
      redis.set("test:greeting", "hello");

      assertThat(redis.get("test:greeting")).isEqualTo("hello");
    }
  }

  /** A JDBC connection from a {@code postgresql://user:password@host:port/database} URL. */
  static Connection connect(String databaseUrl) throws SQLException {
    URI url = URI.create(databaseUrl);
    String[] credentials = url.getUserInfo().split(":", 2);
    return DriverManager.getConnection(
        "jdbc:postgresql://" + url.getHost() + ":" + url.getPort() + url.getPath(),
        credentials[0],
        credentials[1]);
  }

  static List<String> texts(Statement statement, String query) throws SQLException {
    List<String> texts = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        texts.add(rows.getString(1));
      }
    }
    return texts;
  }
}
