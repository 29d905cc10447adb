package io.clickstream.platform.http;

import java.util.Map;

/** A JSON response with a status other than 200, or with extra headers. */
public record Response(int status, Object body, Map<String, String> headers) {
  public static Response of(int status, Object body) {
    return new Response(status, body, Map.of());
  }

  public static Response accepted(Object body) {
    return of(202, body);
  }
}
