package io.clickstream.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A minimal WebSocket client for many sockets: the upgrade handshake is blocking on the caller's
 * thread, then one selector thread reads every socket, answers pings, and (when traffic is on)
 * keeps one masked text frame in flight per sampled socket, sending the next on each ack. About 1
 * KiB of heap per idle socket (a 512-byte read buffer plus the channel).
 */
final class CollectorWebSockets implements AutoCloseable {
  private final Selector selector;
  private final Thread loop;
  private final ConcurrentLinkedQueue<Conn> registrations = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final List<Conn> all = new ArrayList<>();
  private volatile boolean running = true;
  private volatile boolean traffic;
  private byte[] framePayload;
  private int eventsPerFrame;

  final AtomicInteger open = new AtomicInteger();
  final AtomicInteger closedByServer = new AtomicInteger();
  final AtomicReference<String> firstClose = new AtomicReference<>();
  final AtomicLong ackedEvents = new AtomicLong();
  final AtomicLong ackedFrames = new AtomicLong();
  final AtomicLong errorReplies = new AtomicLong();
  final AtomicReference<String> firstErrorReply = new AtomicReference<>();
  final AtomicLong pings = new AtomicLong();

  CollectorWebSockets() throws IOException {
    selector = Selector.open();
    loop = new Thread(this::run, "ws-client-selector");
    loop.setDaemon(true);
    loop.start();
  }

  /** A socket of the client. */
  static final class Conn {
    final SocketChannel channel;
    ByteBuffer in = ByteBuffer.allocate(512);
    ArrayDeque<ByteBuffer> out;
    SelectionKey key;
    volatile boolean isOpen = true;
    boolean sampled;

    Conn(SocketChannel channel) {
      this.channel = channel;
    }
  }

  /** Opens a socket: HTTP upgrade on this thread, then hands it to the selector. */
  Conn connect(InetSocketAddress address, String pathAndQuery, String userAgent)
      throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      channel.connect(address);
      byte[] nonce = new byte[16];
      ThreadLocalRandom.current().nextBytes(nonce);
      String request =
          "GET "
              + pathAndQuery
              + " HTTP/1.1\r\nHost: "
              + address.getHostString()
              + ":"
              + address.getPort()
              + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
              + Base64.getEncoder().encodeToString(nonce)
              + "\r\nSec-WebSocket-Version: 13\r\nOrigin: https://shop.example.com\r\nUser-Agent: "
              + userAgent
              + "\r\n\r\n";
      ByteBuffer req = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
      while (req.hasRemaining()) {
        channel.write(req);
      }
      ByteBuffer response = ByteBuffer.allocate(4096);
      int end;
      while ((end = headerEnd(response)) < 0) {
        if (!response.hasRemaining() || channel.read(response) < 0) {
          throw new IOException(
              "upgrade answered: "
                  + new String(
                      response.array(), 0, response.position(), StandardCharsets.ISO_8859_1));
        }
      }
      String head = new String(response.array(), 0, end, StandardCharsets.ISO_8859_1);
      if (!head.startsWith("HTTP/1.1 101")) {
        // read what body there is for the error message
        channel.socket().setSoTimeout(1000);
        throw new IOException(
            "upgrade answered: "
                + new String(response.array(), 0, response.position(), StandardCharsets.ISO_8859_1)
                    .replace("\r\n", " | "));
      }
      Conn conn = new Conn(channel);
      response.flip().position(end);
      conn.in.put(response);
      channel.configureBlocking(false);
      registrations.add(conn);
      selector.wakeup();
      return conn;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static int headerEnd(ByteBuffer buffer) {
    byte[] a = buffer.array();
    for (int i = 3; i < buffer.position(); i++) {
      if (a[i - 3] == '\r' && a[i - 2] == '\n' && a[i - 1] == '\r' && a[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  /** Keeps one frame in flight on each of these sockets until {@link #stopTraffic}. */
  void startTraffic(List<Conn> sample, byte[] payload, int events) {
    tasks.add(
        () -> {
          framePayload = payload;
          eventsPerFrame = events;
          traffic = true;
          for (Conn conn : sample) {
            if (conn.isOpen) {
              conn.sampled = true;
              sendText(conn, payload);
            }
          }
        });
    selector.wakeup();
  }

  void stopTraffic() {
    traffic = false;
  }

  List<Conn> openConnections() {
    List<Conn> result = new ArrayList<>();
    synchronized (all) {
      for (Conn conn : all) {
        if (conn.isOpen) {
          result.add(conn);
        }
      }
    }
    return result;
  }

  private void run() {
    while (running) {
      try {
        selector.select(100);
        Conn conn;
        while ((conn = registrations.poll()) != null) {
          conn.key = conn.channel.register(selector, SelectionKey.OP_READ, conn);
          synchronized (all) {
            all.add(conn);
          }
          open.incrementAndGet();
          if (conn.in.position() > 0) {
            frames(conn);
          }
        }
        Runnable task;
        while ((task = tasks.poll()) != null) {
          task.run();
        }
        var keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          Conn c = (Conn) key.attachment();
          try {
            if (key.isValid() && key.isWritable()) {
              flush(c);
            }
            if (key.isValid() && key.isReadable()) {
              read(c);
            }
          } catch (IOException e) {
            lost(c, "I/O error: " + e);
          }
        }
      } catch (IOException e) {
        firstClose.compareAndSet(null, "selector: " + e);
      }
    }
  }

  private void read(Conn c) throws IOException {
    if (!c.in.hasRemaining()) {
      c.in = grow(c.in, c.in.capacity() * 2);
    }
    int n = c.channel.read(c.in);
    if (n < 0) {
      lost(c, "EOF without a close frame");
      return;
    }
    frames(c);
  }

  private static ByteBuffer grow(ByteBuffer buffer, int capacity) {
    ByteBuffer bigger = ByteBuffer.allocate(capacity);
    buffer.flip();
    bigger.put(buffer);
    return bigger;
  }

  private void frames(Conn c) throws IOException {
    ByteBuffer in = c.in;
    in.flip();
    while (in.remaining() >= 2) {
      int start = in.position();
      int b0 = in.get(start) & 0xff;
      int b1 = in.get(start + 1) & 0x7f;
      int header = 2;
      long length = b1;
      if (b1 == 126) {
        header = 4;
        if (in.remaining() < header) {
          break;
        }
        length = in.getShort(start + 2) & 0xffff;
      } else if (b1 == 127) {
        header = 10;
        if (in.remaining() < header) {
          break;
        }
        length = in.getLong(start + 2);
      }
      if (in.remaining() < header + length) {
        if (in.capacity() < header + length) {
          in.position(start);
          ByteBuffer bigger = ByteBuffer.allocate((int) (header + length) * 2);
          bigger.put(in);
          c.in = bigger;
          return;
        }
        break;
      }
      byte[] payload = new byte[(int) length];
      in.position(start + header);
      in.get(payload);
      onFrame(c, b0 & 0x0f, payload);
      if (!c.isOpen) {
        return;
      }
    }
    in.compact();
  }

  private void onFrame(Conn c, int opcode, byte[] payload) throws IOException {
    switch (opcode) {
      case 0x1 -> {
        String text = new String(payload, StandardCharsets.UTF_8);
        if (text.startsWith("{\"ack\":")) {
          int end = 7;
          while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
          }
          ackedEvents.addAndGet(Integer.parseInt(text.substring(7, end)));
          ackedFrames.incrementAndGet();
        } else {
          errorReplies.incrementAndGet();
          firstErrorReply.compareAndSet(null, text);
        }
        if (traffic && c.sampled) {
          sendText(c, framePayload);
        }
      }
      case 0x8 -> {
        int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 0;
        String reason =
            payload.length > 2
                ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
                : "";
        lost(c, "close frame " + code + " " + reason);
      }
      case 0x9 -> {
        pings.incrementAndGet();
        send(c, 0xA, payload);
      }
      default -> {}
    }
  }

  private void lost(Conn c, String why) {
    if (!c.isOpen) {
      return;
    }
    c.isOpen = false;
    open.decrementAndGet();
    closedByServer.incrementAndGet();
    firstClose.compareAndSet(null, why);
    try {
      c.channel.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private void sendText(Conn c, byte[] payload) {
    try {
      send(c, 0x1, payload);
    } catch (IOException e) {
      lost(c, "I/O error on send: " + e);
    }
  }

  private void send(Conn c, int opcode, byte[] payload) throws IOException {
    int length = payload.length;
    int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
    ByteBuffer frame = ByteBuffer.allocate(header + 4 + length);
    frame.put((byte) (0x80 | opcode));
    if (length < 126) {
      frame.put((byte) (0x80 | length));
    } else if (length < 65536) {
      frame.put((byte) (0x80 | 126));
      frame.putShort((short) length);
    } else {
      frame.put((byte) (0x80 | 127));
      frame.putLong(length);
    }
    int mask = ThreadLocalRandom.current().nextInt();
    frame.putInt(mask);
    byte[] m = {(byte) (mask >>> 24), (byte) (mask >>> 16), (byte) (mask >>> 8), (byte) mask};
    for (int i = 0; i < length; i++) {
      frame.put((byte) (payload[i] ^ m[i & 3]));
    }
    frame.flip();
    if (c.out == null || c.out.isEmpty()) {
      c.channel.write(frame);
      if (!frame.hasRemaining()) {
        return;
      }
    }
    if (c.out == null) {
      c.out = new ArrayDeque<>();
    }
    c.out.add(frame);
    c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
  }

  private void flush(Conn c) throws IOException {
    while (c.out != null && !c.out.isEmpty()) {
      ByteBuffer head = c.out.peek();
      c.channel.write(head);
      if (head.hasRemaining()) {
        return;
      }
      c.out.poll();
    }
    c.key.interestOps(SelectionKey.OP_READ);
  }

  /** Drops every socket (no close handshake: the collector sees them go) and stops the thread. */
  @Override
  public void close() throws IOException {
    running = false;
    selector.wakeup();
    try {
      loop.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (all) {
      for (Conn conn : all) {
        conn.isOpen = false;
        conn.channel.close();
      }
    }
    Conn pending;
    while ((pending = registrations.poll()) != null) {
      pending.channel.close();
    }
    selector.close();
  }
}
