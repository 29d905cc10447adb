package io.clickstream.collector;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket upgrade request written by hand on a plain socket: the JDK's clients hide the status
 * and body of a refused handshake, and always answer pings. This one shows both, and after a
 * successful upgrade reads nothing and answers nothing, like a peer whose network vanished.
 */
final class RawUpgrade implements AutoCloseable {
  private final Socket socket;
  private final int status;
  private final Map<String, String> headers;
  private final String body;

  private RawUpgrade(Socket socket, int status, Map<String, String> headers, String body) {
    this.socket = socket;
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  static RawUpgrade open(int port, String pathAndQuery, String... extraHeaders) throws IOException {
    return send(
        port,
        pathAndQuery,
        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n",
        extraHeaders);
  }

  /** A plain GET on the WebSocket path, without the upgrade headers. */
  static RawUpgrade plainGet(int port, String pathAndQuery) throws IOException {
    return send(port, pathAndQuery, "", new String[0]);
  }

  private static RawUpgrade send(
      int port, String pathAndQuery, String upgradeHeaders, String[] extraHeaders)
      throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(15_000);
    StringBuilder request =
        new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
    request.append("User-Agent: ").append(CollectorClient.USER_AGENT).append("\r\n");
    request.append(upgradeHeaders);
    for (String header : extraHeaders) {
      request.append(header).append("\r\n");
    }
    request.append("\r\n");
    socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    String statusLine = readLine(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    String body = "";
    if (status != 101 && headers.containsKey("content-length")) {
      body =
          new String(
              in.readNBytes(Integer.parseInt(headers.get("content-length"))),
              StandardCharsets.UTF_8);
    }
    return new RawUpgrade(socket, status, headers, body);
  }

  int status() {
    return status;
  }

  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  JsonNode json() {
    return Json.readTree(body);
  }

  /** Reads (and drops) whatever the server sends until it closes the connection. */
  boolean awaitServerClose(Duration within) throws IOException {
    socket.setSoTimeout((int) within.toMillis());
    byte[] buffer = new byte[1024];
    try {
      while (socket.getInputStream().read(buffer) >= 0) {
        // pings, unanswered
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by the server
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed in the middle of the response head");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
