package io.clickstream.platform.http;

/**
 * A failure that becomes a JSON error response {@code {"error":{"code","message"}}}. Throw it from
 * any endpoint; {@link JsonEndpoint}'s wrapper turns it into the response.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final Integer retryAfterSeconds;

  public ApiException(int status, String code, String message) {
    this(status, code, message, null);
  }

  public ApiException(int status, String code, String message, Integer retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }

  public static ApiException malformed(String message) {
    return new ApiException(400, "malformed_json", message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message);
  }

  public static ApiException forbidden(String code, String message) {
    return new ApiException(403, code, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }

  public static ApiException tooLarge(String message) {
    return new ApiException(413, "payload_too_large", message);
  }

  public static ApiException unsupportedMediaType(String message) {
    return new ApiException(415, "unsupported_media_type", message);
  }

  public static ApiException tooManyRequests(String message, int retryAfterSeconds) {
    return new ApiException(429, "rate_limited", message, retryAfterSeconds);
  }

  public static ApiException unavailable(String message, int retryAfterSeconds) {
    return new ApiException(503, "unavailable", message, retryAfterSeconds);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
