package io.clickstream.topology.enrich;

import java.util.Optional;

/** DESIGN §4's entry referrer: where a session came from, as a site name. */
public final class Referrers {
  /** The key of sessions that came from nowhere we can name, or from the site itself. */
  public static final String DIRECT = "(direct)";

  private Referrers() {}

  /**
   * The referrer's host, lower-cased and without a leading {@code www.}, when it differs from the
   * page's host (compared the same way, ports ignored); otherwise {@link #DIRECT}, also when the
   * referrer is missing, blank or has no host. An app referrer such as {@code
   * android-app://com.google.android.gm/} names the app: {@code com.google.android.gm}.
   */
  public static String entryReferrer(String referrerUrl, String pageUrl) {
    Optional<String> referrer = Hosts.of(referrerUrl).map(Hosts::withoutWww);
    if (referrer.isEmpty()) {
      return DIRECT;
    }
    Optional<String> page = Hosts.of(pageUrl).map(Hosts::withoutWww);
    return referrer.equals(page) ? DIRECT : referrer.get();
  }
}
