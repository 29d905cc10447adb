package io.clickstream.platform.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a {@link JsonEndpoint} on a worker thread and turns its result or failure into JSON. */
final class EndpointHandler implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(EndpointHandler.class);
  private final JsonEndpoint endpoint;

  EndpointHandler(JsonEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (exchange.isInIoThread()) {
      exchange.dispatch(this);
      return;
    }
    Object result;
    try {
      result = endpoint.handle(exchange);
    } catch (Throwable e) {
      fail(exchange, e);
      return;
    }
    if (result instanceof CompletionStage<?> pending) {
      // Keep the exchange open until the stage completes, then answer from its thread.
      exchange.dispatch(
          SameThreadExecutor.INSTANCE,
          () ->
              pending.whenComplete(
                  (value, error) -> {
                    if (error != null) {
                      fail(exchange, error);
                    } else {
                      succeed(exchange, value);
                    }
                  }));
    } else {
      succeed(exchange, result);
    }
  }

  private static void succeed(HttpServerExchange exchange, Object result) {
    if (result instanceof Response response) {
      JsonExchanges.send(exchange, response.status(), response.body(), response.headers());
    } else {
      JsonExchanges.send(exchange, 200, result);
    }
  }

  private static void fail(HttpServerExchange exchange, Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof ApiException api) {
      JsonExchanges.sendError(exchange, api);
    } else {
      log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestPath(), cause);
      JsonExchanges.sendError(
          exchange, new ApiException(500, "internal_error", "The server failed to answer."));
    }
  }
}
