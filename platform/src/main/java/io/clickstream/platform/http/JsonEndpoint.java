package io.clickstream.platform.http;

import io.undertow.server.HttpServerExchange;

/**
 * An HTTP endpoint that answers with JSON. It runs on a worker thread, so it may block. It returns
 * the body to send with 200, a {@link Response} for another status, or a {@link
 * java.util.concurrent.CompletionStage} of either when the answer must wait (for Kafka's
 * acknowledgement, say). Failures are {@link ApiException}s; anything else is a logged 500.
 */
@FunctionalInterface
public interface JsonEndpoint {
  Object handle(HttpServerExchange exchange) throws Exception;
}
