package io.clickstream.topology.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregate cells one event changes: counter deltas, and the minute cells its visitor is new
 * in. Stage 1 queues them as one store entry per event until the next flush sums them, instead of a
 * read and a write per cell: an event changes about a dozen cells, and each store operation goes
 * through Kafka Streams' metered, caching and logging layers.
 */
final class EventCells {
  /** Add {@code amount} to a counter cell. */
  record Count(MinuteCell cell, long amount) {}

  final String appId;
  final String visitorId;
  final List<Count> counts = new ArrayList<>();

  /** The sketch cells the event's visitor is new in. */
  final List<MinuteCell> visits = new ArrayList<>();

  EventCells(String appId, String visitorId) {
    this.appId = appId;
    this.visitorId = visitorId;
  }

  void count(MinuteCell cell, long amount) {
    if (amount != 0) {
      counts.add(new Count(cell, amount));
    }
  }

  void visit(MinuteCell cell) {
    visits.add(cell);
  }

  /** The counts alone, for the store flushed with the counters. */
  byte[] encodeCounts() {
    return encode(
        out -> {
          out.writeInt(counts.size());
          for (Count count : counts) {
            writeCell(out, count.cell());
            out.writeLong(count.amount());
          }
        });
  }

  /** The visits alone, for the store flushed with the visitor adds. */
  byte[] encodeVisits() {
    return encode(
        out -> {
          out.writeInt(visits.size());
          for (MinuteCell cell : visits) {
            writeCell(out, cell);
          }
        });
  }

  static EventCells decodeCounts(byte[] bytes) {
    return decode(
        bytes,
        (in, cells) -> {
          for (int i = in.readInt(); i > 0; i--) {
            cells.counts.add(new Count(readCell(in), in.readLong()));
          }
        });
  }

  static EventCells decodeVisits(byte[] bytes) {
    return decode(
        bytes,
        (in, cells) -> {
          for (int i = in.readInt(); i > 0; i--) {
            cells.visits.add(readCell(in));
          }
        });
  }

  private interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  private interface Reader {
    void read(DataInputStream in, EventCells into) throws IOException;
  }

  private byte[] encode(Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeText(out, appId);
      writeText(out, visitorId);
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static EventCells decode(byte[] bytes, Reader reader) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      EventCells cells = new EventCells(readText(in), readText(in));
      reader.read(in, cells);
      return cells;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeCell(DataOutputStream out, MinuteCell cell) throws IOException {
    out.writeLong(cell.minute());
    writeText(out, cell.measure());
    writeText(out, cell.detail());
  }

  private static MinuteCell readCell(DataInputStream in) throws IOException {
    return new MinuteCell(in.readLong(), readText(in), readText(in));
  }

  /** Length-prefixed UTF-8: unlike writeUTF, not limited to 64 KiB. */
  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readText(DataInputStream in) throws IOException {
    byte[] utf8 = new byte[in.readInt()];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
