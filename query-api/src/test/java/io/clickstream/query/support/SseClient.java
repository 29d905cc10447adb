package io.clickstream.query.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A minimal Server-Sent Events client on a plain socket (HTTP/1.0, so the body is the raw stream):
 * cheap enough to hold a thousand in one test.
 */
public final class SseClient implements AutoCloseable {
  private final Socket socket;
  private final BufferedReader reader;
  private final int status;
  private int comments;

  public SseClient(String url, String bearer) throws IOException {
    URI uri = URI.create(url);
    socket = new Socket(uri.getHost(), uri.getPort());
    socket.setSoTimeout(15_000);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET "
                + uri.getRawPath()
                + " HTTP/1.0\r\nHost: "
                + uri.getHost()
                + "\r\n"
                + "Accept: text/event-stream\r\n"
                + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n")
                + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    reader =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 1024);
    String statusLine = reader.readLine();
    status = Integer.parseInt(statusLine.split(" ")[1]);
    String line;
    while ((line = reader.readLine()) != null && !line.isEmpty()) {
      // headers
    }
  }

  public int status() {
    return status;
  }

  /**
   * The data of the next {@code metrics} event; comments and retry lines are counted or skipped.
   */
  public String nextEvent() throws IOException {
    String event = null;
    String data = null;
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isEmpty()) {
        if ("metrics".equals(event) && data != null) {
          return data;
        }
        event = null;
        data = null;
      } else if (line.startsWith(":")) {
        comments++;
      } else if (line.startsWith("event:")) {
        event = line.substring(6).trim();
      } else if (line.startsWith("data:")) {
        data = line.substring(5).trim();
      }
    }
    throw new IOException("The stream ended");
  }

  /** Reads until a comment (heartbeat) line arrives. */
  public void awaitComment() throws IOException {
    int seen = comments;
    String line;
    while (comments == seen && (line = reader.readLine()) != null) {
      if (line.startsWith(":")) {
        comments++;
      }
    }
  }

  /** The rest of the body (for error answers). */
  public String rest() throws IOException {
    StringBuilder body = new StringBuilder();
    String line;
    while ((line = reader.readLine()) != null) {
      body.append(line);
    }
    return body.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
