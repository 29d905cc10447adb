package io.clickstream.metadata.http;

import io.clickstream.platform.http.Response;

/** Statuses other than 200. */
public final class Responses {
  private Responses() {}

  public static Response created(Object body) {
    return Response.of(201, body);
  }

  public static Response noContent() {
    return Response.of(204, null);
  }
}
