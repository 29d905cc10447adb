package io.clickstream.metadata.teams;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An app's team: its members, and for the owner its pending invitations. */
public record Members(
    List<MemberView> items,
    @JsonProperty("pending_invitations") List<InvitationView> pendingInvitations) {}
