package io.clickstream.collector.websocket;

/**
 * Who is on the other end of a socket about to open: what the ticket was bound to, the User-Agent
 * of the upgrade request, and the client's IP address (kept in memory only, to hash it per frame:
 * the hash rotates daily and a session may outlive midnight).
 */
public record SocketPeer(SessionTicket ticket, String userAgent, String clientIp) {
  @Override
  public String toString() {
    return "SocketPeer[" + ticket + "]"; // never the address
  }
}
