package io.clickstream.query.auth;

/** What the metadata API's rules say about one user and one app. */
public enum AccessDecision {
  /** Owner, member (editor or viewer), or anyone of the organisation when the app is public. */
  READ,
  /** Another organisation's app, a private app the user is no member of, or no such app. */
  NOT_FOUND,
  /** The token is valid but its user no longer exists (deleted account). */
  UNKNOWN_USER
}
