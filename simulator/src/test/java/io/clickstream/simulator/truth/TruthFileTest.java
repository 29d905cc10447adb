package io.clickstream.simulator.truth;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.simulator.truth.AppTruth.BotFigures;
import io.clickstream.simulator.truth.AppTruth.Journeys;
import io.clickstream.simulator.truth.AppTruth.Overview;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TruthFileTest {
  @Test
  void oneAppsTruthIsTheWholeFile() {
    String json = TruthFile.render(Map.of("shop", truth("shop")), true).toString();

    assertThat(json)
        .isEqualTo(
            "{\"complete\":true,\"app_id\":\"shop\",\"overview\":{\"visitors\":1,\"sessions\":1,"
                + "\"pageviews\":1,\"events\":2,\"bounce_rate\":1.0,\"avg_session_duration_ms\":0.0,"
                + "\"pages_per_session\":1.0,\"bounces\":1,\"duration_ms\":0},\"pages\":[],"
                + "\"events\":[],\"breakdowns\":{},\"clicks\":[],\"journeys\":{\"transitions\":[],\"top_paths\":[]},\"products\":[],\"bots\":{\"events\":3,\"visitors\":1}}");
  }

  @Test
  void severalAppsAreKeyedByAppId() {
    Map<String, AppTruth> truths = new TreeMap<>(Map.of("a", truth("a"), "b", truth("b")));

    var json = TruthFile.render(truths, false);

    assertThat(json.path("complete").asBoolean()).isFalse();
    assertThat(json.path("apps").path("b").path("app_id").asText()).isEqualTo("b");
    assertThat(json.path("overview").isMissingNode()).isTrue();
  }

  private static AppTruth truth(String appId) {
    return new AppTruth(
        appId,
        new Overview(1, 1, 1, 2, 1.0, 0.0, 1.0, 1, 0),
        List.of(),
        List.of(),
        Map.of(),
        List.of(),
        new Journeys(List.of(), List.of()),
        null,
        List.of(),
        new BotFigures(3, 1));
  }
}
