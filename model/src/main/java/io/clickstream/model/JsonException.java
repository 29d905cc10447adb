package io.clickstream.model;

/** JSON that could not be read or written; unchecked so that callers decide where to handle it. */
public class JsonException extends RuntimeException {
  public JsonException(String message, Throwable cause) {
    super(message, cause);
  }
}
