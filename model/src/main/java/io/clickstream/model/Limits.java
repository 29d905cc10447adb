package io.clickstream.model;

/**
 * The size limits of the event wire format (DESIGN §2), shared by the validator and the collector.
 */
public final class Limits {
  /** One event, measured as compact UTF-8 JSON. */
  public static final int MAX_EVENT_BYTES = 16 * 1024;

  /** Every string of an event, in characters (Unicode code points). */
  public static final int MAX_STRING_CHARS = 2048;

  public static final int MAX_PROPS = 32;

  public static final int MAX_PROP_KEY_CHARS = 128;

  public static final int MAX_BATCH_EVENTS = 500;

  public static final int MAX_BATCH_BYTES = 1024 * 1024;

  /** A client clock may lag this far behind the collector's before its ts is distrusted. */
  public static final long MAX_CLIENT_CLOCK_LAG_MS = 24L * 60 * 60 * 1000;

  /** A client clock may run this far ahead of the collector's before its ts is distrusted. */
  public static final long MAX_CLIENT_CLOCK_LEAD_MS = 10L * 60 * 1000;

  private Limits() {}
}
