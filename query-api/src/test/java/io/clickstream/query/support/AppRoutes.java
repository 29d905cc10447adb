package io.clickstream.query.support;

import java.util.List;

/** Every {@code /v1/apps/{appId}/…} route that answers JSON without further path parameters. */
public final class AppRoutes {
  public static final List<String> SIMPLE =
      List.of(
          "/overview",
          "/timeseries",
          "/pages",
          "/referrers",
          "/campaigns",
          "/browsers",
          "/os",
          "/devices",
          "/events",
          "/engagement",
          "/live",
          "/journeys",
          "/products/top",
          "/retention",
          "/activity");

  private AppRoutes() {}
}
