package io.clickstream.metadata.auth;

import java.util.EnumSet;
import java.util.Set;

/** Everything a request may do to an app, and the roles that may do it: the one table of rights. */
public enum Permission {
  /** The app, its members, its configuration; not its credentials. */
  READ(EnumSet.allOf(Role.class)),
  /** Name, URL, description, visibility, settings. */
  UPDATE_APP(EnumSet.of(Role.OWNER)),
  DELETE_APP(EnumSet.of(Role.OWNER)),
  /** Invite, remove members (a member may always leave: see the team routes). */
  MANAGE_MEMBERS(EnumSet.of(Role.OWNER)),
  /** Issue, rotate and revoke the app token; unlock the configuration. */
  MANAGE_TOKEN(EnumSet.of(Role.OWNER)),
  /** Create, list and revoke read API keys. */
  MANAGE_API_KEYS(EnumSet.of(Role.OWNER)),
  /** Funnels, tracked elements, products, profiles (while the app is unlocked). */
  EDIT_CONFIGURATION(EnumSet.of(Role.OWNER, Role.EDITOR));

  private final Set<Role> roles;

  Permission(Set<Role> roles) {
    this.roles = roles;
  }

  public boolean allows(Role role) {
    return roles.contains(role);
  }
}
