package io.clickstream.collector.ingest;

import io.clickstream.model.Limits;

/** The User-Agent stamp: the header as sent, cut to the length of any other string of an event. */
public final class UserAgents {
  private UserAgents() {}

  public static String truncate(String userAgent) {
    if (userAgent == null || userAgent.length() <= Limits.MAX_STRING_CHARS) {
      return userAgent;
    }
    return userAgent.substring(0, Limits.MAX_STRING_CHARS);
  }
}
