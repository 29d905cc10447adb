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
  /** Add {@code amount} to a counter cell of one minute. */
  record Count(String measure, String detail, long minute, long amount) {}

  /** The event's visitor is new in this sketch cell of one minute. */
  record Visit(String measure, String detail, long minute) {}

  final String appId;
  final String visitorId;
  final List<Count> counts;
  final List<Visit> visits;

  EventCells(String appId, String visitorId) {
    this(appId, visitorId, new ArrayList<>(), new ArrayList<>());
  }

  private EventCells(String appId, String visitorId, List<Count> counts, List<Visit> visits) {
    this.appId = appId;
    this.visitorId = visitorId;
    this.counts = counts;
    this.visits = visits;
  }

  void count(String measure, String detail, long minute, long amount) {
    if (amount != 0) {
      counts.add(new Count(measure, detail, minute, amount));
    }
  }

  void visit(String measure, String detail, long minute) {
    visits.add(new Visit(measure, detail, minute));
  }

  /** The counts alone, for the store flushed with the counters. */
  byte[] encodeCounts() {
    return encode(
        out -> {
          out.writeInt(counts.size());
          for (Count count : counts) {
            writeText(out, count.measure());
            writeText(out, count.detail());
            out.writeLong(count.minute());
            out.writeLong(count.amount());
          }
        });
  }

  /** The visits alone, for the store flushed with the visitor adds. */
  byte[] encodeVisits() {
    return encode(
        out -> {
          out.writeInt(visits.size());
          for (Visit visit : visits) {
            writeText(out, visit.measure());
            writeText(out, visit.detail());
            out.writeLong(visit.minute());
          }
        });
  }

  static EventCells decodeCounts(byte[] bytes) {
    return decode(
        bytes,
        (in, cells) -> {
          for (int i = in.readInt(); i > 0; i--) {
            cells.counts.add(new Count(readText(in), readText(in), in.readLong(), in.readLong()));
          }
        });
  }

  static EventCells decodeVisits(byte[] bytes) {
    return decode(
        bytes,
        (in, cells) -> {
          for (int i = in.readInt(); i > 0; i--) {
            cells.visits.add(new Visit(readText(in), readText(in), in.readLong()));
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
