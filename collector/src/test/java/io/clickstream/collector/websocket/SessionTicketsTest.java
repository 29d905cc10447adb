package io.clickstream.collector.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionTicketsTest {
  private static final byte[] KEY =
      "tickets-test-key-of-32-bytes-ok!".getBytes(StandardCharsets.UTF_8);
  private static final Instant ISSUED = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void aTicketRedeemsToTheAppTokenVisitorAndSessionItWasIssuedFor() {
    String ticket = tickets(ISSUED).issue("app-1", "tok-1", "v-1", "s-1").ticket();

    assertThat(tickets(ISSUED.plusSeconds(29)).redeem(ticket))
        .isEqualTo(new SessionTicket("app-1", "tok-1", "v-1", "s-1"));
  }

  @Test
  void aTicketIsGoodForThirtySeconds() {
    SessionTickets.IssuedTicket issued = tickets(ISSUED).issue("app-1", "tok-1", "v-1", "s-1");

    assertThat(issued.expiresIn()).isEqualTo(Duration.ofSeconds(30));
    assertRefused(
        tickets(ISSUED.plusSeconds(30)),
        issued.ticket(),
        "The ticket has expired; say hello again for a new one.");
  }

  @Test
  void aTicketIsGoodOnceEvenAfterUsedTicketsAreForgotten() {
    SessionTickets tickets = tickets(ISSUED);
    String ticket = tickets.issue("app-1", "tok-1", "v-1", "s-1").ticket();
    tickets.redeem(ticket);
    tickets.forgetExpired();

    assertRefused(tickets, ticket, "The ticket was used already; say hello again for a new one.");
  }

  @Test
  void aTicketOfAnotherKeyOrAnAppTokenIsNotATicket() {
    String foreign =
        new SessionTickets(
                "another-key-of-32-bytes-for-test".getBytes(StandardCharsets.UTF_8), clock(ISSUED))
            .issue("app-1", "tok-1", "v-1", "s-1")
            .ticket();
    String appToken = new AppTokens(KEY).issue("app-1", "tok-1", ISSUED);

    assertRefused(tickets(ISSUED), foreign, "The ticket is not valid.");
    assertRefused(tickets(ISSUED), appToken, "The ticket is not valid.");
    assertRefused(tickets(ISSUED), null, "A ticket from POST /v1/hello is required in 'ticket'.");
  }

  private static void assertRefused(SessionTickets tickets, String ticket, String message) {
    assertThatThrownBy(() -> tickets.redeem(ticket))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessage(message);
  }

  private static SessionTickets tickets(Instant now) {
    return new SessionTickets(KEY, clock(now));
  }

  private static Clock clock(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }
}
