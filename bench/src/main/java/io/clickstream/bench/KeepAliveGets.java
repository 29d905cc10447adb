package io.clickstream.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HTTP/1.1 GETs over kept-alive blocking sockets, one per sender thread: the same path to the
 * server as the Redis references' clients take (write, then block reading the answer). The JDK's
 * HttpClient hands every exchange between its selector thread and a worker, two more context
 * switches per request on the cores the server runs on; at the 99th percentile they cost about as
 * much as the server's own work.
 */
final class KeepAliveGets implements AutoCloseable {
  private final String host;
  private final int port;
  private final ExecutorService senders;
  private final ThreadLocal<Connection> connections = new ThreadLocal<>();
  private final Queue<Connection> all = new ConcurrentLinkedQueue<>();

  KeepAliveGets(String baseUrl, int threads) {
    URI uri = URI.create(baseUrl);
    this.host = uri.getHost();
    this.port = uri.getPort();
    this.senders = Executors.newFixedThreadPool(threads);
  }

  /** GET {@code pathAndQuery} with a bearer token; fails unless the status is {@code expected}. */
  CompletableFuture<?> get(String pathAndQuery, String token, int expected) {
    byte[] request =
        ("GET "
                + pathAndQuery
                + " HTTP/1.1\r\nHost: "
                + host
                + "\r\nAuthorization: Bearer "
                + token
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    return CompletableFuture.runAsync(
        () -> {
          int status = connection().exchange(request);
          if (status != expected) {
            throw new IllegalStateException(pathAndQuery + " answered " + status);
          }
        },
        senders);
  }

  private Connection connection() {
    Connection connection = connections.get();
    if (connection == null) {
      try {
        connection = new Connection(new Socket(host, port));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      connections.set(connection);
      all.add(connection);
    }
    return connection;
  }

  @Override
  public void close() throws IOException {
    senders.shutdownNow();
    for (Connection connection : all) {
      connection.socket.close();
    }
  }

  /** One kept-alive connection; answers must carry a Content-Length (the API's always do). */
  private static final class Connection {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    Connection(Socket socket) throws IOException {
      socket.setTcpNoDelay(true);
      this.socket = socket;
      this.out = socket.getOutputStream();
      this.in = new BufferedInputStream(socket.getInputStream());
    }

    int exchange(byte[] request) {
      try {
        out.write(request);
        out.flush();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        long length = -1;
        for (String header = line(); !header.isEmpty(); header = line()) {
          String lower = header.toLowerCase(Locale.ROOT);
          if (lower.startsWith("content-length:")) {
            length = Long.parseLong(lower.substring("content-length:".length()).trim());
          }
        }
        if (length < 0) {
          throw new IllegalStateException("An answer without Content-Length: " + statusLine);
        }
        in.skipNBytes(length);
        return status;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private String line() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream(64);
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("The server closed the connection");
        }
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(StandardCharsets.US_ASCII);
    }
  }
}
