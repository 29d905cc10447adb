package io.clickstream.metadata.http;

import io.clickstream.platform.http.HttpService;

/** The routes of one concern, added to the service's HTTP server. */
public interface Routes {
  void addTo(HttpService.Builder http);
}
