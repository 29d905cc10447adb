package io.clickstream.metadata.auth;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a user is to an app (DESIGN §6). {@link #READER} is not a membership: it is anyone of the
 * app's organisation when the app is public.
 */
public enum Role {
  OWNER,
  EDITOR,
  VIEWER,
  READER;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A membership role as stored ({@code editor} or {@code viewer}). */
  public static Role ofMember(String stored) {
    return switch (stored) {
      case "editor" -> EDITOR;
      case "viewer" -> VIEWER;
      default -> throw new IllegalArgumentException("not a member role: " + stored);
    };
  }
}
