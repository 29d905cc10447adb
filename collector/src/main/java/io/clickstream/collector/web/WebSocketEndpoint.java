package io.clickstream.collector.web;

import io.clickstream.collector.access.AllowedOrigins;
import io.clickstream.collector.access.AppAuthenticator;
import io.clickstream.collector.access.AppDirectory;
import io.clickstream.collector.ingest.UserAgents;
import io.clickstream.collector.websocket.SessionTicket;
import io.clickstream.collector.websocket.SessionTickets;
import io.clickstream.collector.websocket.SocketPeer;
import io.clickstream.collector.websocket.SocketSessions;
import io.clickstream.model.config.AppConfig;
import io.clickstream.platform.http.ApiException;
import io.clickstream.platform.http.JsonExchanges;
import io.clickstream.platform.http.QueryParams;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;

/**
 * {@code GET /v1/ws?ticket=…}: upgrades to a WebSocket for the session the ticket was issued for.
 * Everything that can be refused is refused before the upgrade, as a JSON error: a missing, forged,
 * expired or used ticket, a token revoked or an app deleted since the hello (401), a page of
 * another origin (403), a collector shutting down (503). Limits that depend on open sockets are
 * applied after it, as a close frame whose reason a browser script can read.
 */
public final class WebSocketEndpoint implements HttpHandler {
  private final SessionTickets tickets;
  private final AppAuthenticator authenticator;
  private final AppDirectory directory;
  private final SocketSessions sessions;
  private final ClientAddresses addresses;
  private final HttpHandler handshake;

  public WebSocketEndpoint(
      SessionTickets tickets,
      AppAuthenticator authenticator,
      AppDirectory directory,
      SocketSessions sessions,
      ClientAddresses addresses) {
    this.tickets = tickets;
    this.authenticator = authenticator;
    this.directory = directory;
    this.sessions = sessions;
    this.addresses = addresses;
    this.handshake =
        new WebSocketProtocolHandshakeHandler(
            sessions.connectionCallback(),
            exchange ->
                JsonExchanges.sendError(
                    exchange,
                    ApiException.badRequest(
                        "The WebSocket handshake is incomplete or unsupported.")));
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    try {
      exchange.putAttachment(SocketSessions.PEER, admit(exchange));
    } catch (ApiException e) {
      if (e.status() == 426) {
        exchange.getResponseHeaders().put(Headers.UPGRADE, "websocket");
      }
      JsonExchanges.sendError(exchange, e);
      return;
    }
    handshake.handleRequest(exchange);
  }

  private SocketPeer admit(HttpServerExchange exchange) {
    String upgrade = exchange.getRequestHeaders().getFirst(Headers.UPGRADE);
    if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
      throw new ApiException(
          426, "upgrade_required", "GET /v1/ws opens a WebSocket; send Upgrade: websocket.");
    }
    if (sessions.isClosing()) {
      throw ApiException.unavailable("The collector is shutting down; connect again.", 1);
    }
    SessionTicket ticket = tickets.redeem(QueryParams.optional(exchange, "ticket").orElse(null));
    authenticator
        .check(ticket.appId(), ticket.tokenId())
        .ifPresent(
            problem -> {
              throw ApiException.unauthorized(problem);
            });
    // Deleted just now, between the check and here: the same answer as the check's.
    AppConfig app =
        directory
            .app(ticket.appId())
            .orElseThrow(
                () -> ApiException.unauthorized("The app token's app is unknown or was deleted."));
    String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
    if (!AllowedOrigins.allows(app, origin)) {
      throw ApiException.forbidden(
          "origin_not_allowed",
          "This app accepts events only from pages of its own site; " + origin + " is not it.");
    }
    return new SocketPeer(
        ticket,
        UserAgents.truncate(exchange.getRequestHeaders().getFirst(Headers.USER_AGENT)),
        addresses.clientIp(exchange));
  }
}
