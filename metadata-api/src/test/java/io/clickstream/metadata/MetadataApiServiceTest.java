package io.clickstream.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.metadata.support.TestApi;
import io.clickstream.platform.config.DatabaseUrl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metadata API migrates its schema on a real PostgreSQL and reports readiness. */
class MetadataApiServiceTest {
  private static final List<String> MIGRATIONS = List.of("1", "2", "3", "4", "5");
  private final DatabaseUrl database = TestApi.database();

  @Test
  void startingMigratesTheSchemaAndReportsReady() throws Exception {
    try (MetadataApiService service = new MetadataApiService(TestApi.settings()).start()) {
      HttpResponse<String> ready =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(service.url() + "/readyz")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("{\"status\":\"ready\",\"checks\":{\"database\":true}}");
    }
    assertThat(appliedMigrations()).isEqualTo(MIGRATIONS);
  }

  @Test
  void startingTwiceAppliesNothingNew() throws Exception {
    new MetadataApiService(TestApi.settings()).close();
    new MetadataApiService(TestApi.settings()).close();
    assertThat(appliedMigrations()).isEqualTo(MIGRATIONS);
  }

  private List<String> appliedMigrations() throws Exception {
    List<String> versions = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
      while (rows.next()) {
        versions.add(rows.getString(1));
      }
    }
    return versions;
  }
}
