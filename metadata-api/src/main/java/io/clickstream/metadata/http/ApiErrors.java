package io.clickstream.metadata.http;

import io.clickstream.platform.http.ApiException;

/** The error responses of the metadata API beyond platform's common ones (docs/metadata-api.md). */
public final class ApiErrors {
  private ApiErrors() {}

  /** A field is missing, of the wrong type or out of range. */
  public static ApiException invalid(String field, String problem) {
    return new ApiException(400, "validation_failed", "'" + field + "' " + problem);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message);
  }

  public static ApiException conflict(String code, String message) {
    return new ApiException(409, code, message);
  }

  /** The app's tracking configuration is locked by its app token (DESIGN §6). */
  public static ApiException locked() {
    return new ApiException(
        423,
        "app_locked",
        "The app's tracking configuration is locked while its token is out; the owner can"
            + " unlock it with POST /v1/apps/{id}/unlock.");
  }

  public static ApiException notFound(String what) {
    return ApiException.notFound(what + " not found.");
  }

  public static ApiException tooManyRequests(String message, int retryAfterSeconds) {
    return new ApiException(429, "too_many_requests", message, retryAfterSeconds);
  }
}
