package io.clickstream.collector.websocket;

/** Close codes of RFC 6455 that Undertow's {@code CloseMessage} does not name. */
final class CloseCodes {
  /** The server is overloaded or the client over a limit: connect again later. */
  static final int TRY_AGAIN_LATER = 1013;

  private CloseCodes() {}
}
