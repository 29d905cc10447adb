package io.clickstream.topology.session;

import io.clickstream.topology.aggregate.StageRecord.SessionSummary;
import java.util.List;

/** Session summaries for {@code clickstream.sessions}. */
final class Sessions {
  private Sessions() {}

  static SessionSummary summary(SessionState session, boolean retracted) {
    List<PageviewAt> views = session.pageviews();
    return new SessionSummary(
        session.appId(),
        session.visitorId(),
        session.sessionId(),
        session.start(),
        session.end(),
        session.durationMs(),
        session.pageviewCount(),
        session.events(),
        views.isEmpty() ? null : views.get(0).path(),
        views.isEmpty() ? null : views.get(views.size() - 1).path(),
        session.referrer(),
        session.campaign(),
        session.browser(),
        session.os(),
        session.device(),
        session.isBounce(),
        retracted,
        views.stream().map(PageviewAt::path).toList());
  }
}
