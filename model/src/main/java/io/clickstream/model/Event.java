package io.clickstream.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event as it travels on {@code clickstream.events}: the client's fields of DESIGN §2 plus the
 * stamps the collector adds. Build client events with {@link EventReader}, stamp them with {@link
 * EventStamper}; tests and the simulator can use {@link #builder()}.
 *
 * @param ts event time in epoch ms, after the clock-skew rule; {@link #TS_NOT_SENT} only on an
 *     unstamped client event that carried no ts
 * @param reason only for session_end: "goodbye", "interrupted" or "timeout"
 * @param sessionId null when the client sent none (server-side senders may not have sessions)
 * @param clientTs the client's original ts, kept only when the clock-skew rule replaced it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Event(
    // client fields
    String id,
    EventType type,
    long ts,
    String url,
    String referrer,
    String title,
    String target,
    Integer x,
    Integer y,
    @JsonProperty("elapsed_ms") Long elapsedMs,
    String name,
    Map<String, Object> props,
    Product product,
    @JsonProperty("user_id") String userId,
    String reason,
    // server stamps
    @JsonProperty("app_id") String appId,
    @JsonProperty("visitor_id") String visitorId,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("received_at") long receivedAt,
    @JsonProperty("client_ts") Long clientTs,
    @JsonProperty("clock_skew") boolean clockSkew,
    @JsonProperty("user_agent") String userAgent,
    @JsonProperty("ip_hash") String ipHash) {

  /** The validator rejects negative ts, so this cannot be mistaken for a real client clock. */
  public static final long TS_NOT_SENT = -1;

  public Event {
    Objects.requireNonNull(type, "type");
    // Records are values: a caller's later change to its map must not change this event.
    props = props == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(props));
  }

  /** The Kafka record key (DESIGN §1): one visitor's events stay in one partition, in order. */
  public String kafkaKey() {
    return appId + ":" + visitorId;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .type(type)
        .ts(ts)
        .url(url)
        .referrer(referrer)
        .title(title)
        .target(target)
        .x(x)
        .y(y)
        .elapsedMs(elapsedMs)
        .name(name)
        .props(props)
        .product(product)
        .userId(userId)
        .reason(reason)
        .appId(appId)
        .visitorId(visitorId)
        .sessionId(sessionId)
        .receivedAt(receivedAt)
        .clientTs(clientTs)
        .clockSkew(clockSkew)
        .userAgent(userAgent)
        .ipHash(ipHash);
  }

  /** Twenty-three components are too many to pass by position with confidence. */
  public static final class Builder {
    private String id;
    private EventType type;
    private long ts = TS_NOT_SENT;
    private String url;
    private String referrer;
    private String title;
    private String target;
    private Integer x;
    private Integer y;
    private Long elapsedMs;
    private String name;
    private Map<String, Object> props;
    private Product product;
    private String userId;
    private String reason;
    private String appId;
    private String visitorId;
    private String sessionId;
    private long receivedAt;
    private Long clientTs;
    private boolean clockSkew;
    private String userAgent;
    private String ipHash;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder type(EventType type) {
      this.type = type;
      return this;
    }

    public Builder ts(long ts) {
      this.ts = ts;
      return this;
    }

    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public Builder referrer(String referrer) {
      this.referrer = referrer;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder target(String target) {
      this.target = target;
      return this;
    }

    public Builder x(Integer x) {
      this.x = x;
      return this;
    }

    public Builder y(Integer y) {
      this.y = y;
      return this;
    }

    public Builder elapsedMs(Long elapsedMs) {
      this.elapsedMs = elapsedMs;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder props(Map<String, Object> props) {
      this.props = props;
      return this;
    }

    public Builder product(Product product) {
      this.product = product;
      return this;
    }

    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    public Builder appId(String appId) {
      this.appId = appId;
      return this;
    }

    public Builder visitorId(String visitorId) {
      this.visitorId = visitorId;
      return this;
    }

    public Builder sessionId(String sessionId) {
      this.sessionId = sessionId;
      return this;
    }

    public Builder receivedAt(long receivedAt) {
      this.receivedAt = receivedAt;
      return this;
    }

    public Builder clientTs(Long clientTs) {
      this.clientTs = clientTs;
      return this;
    }

    public Builder clockSkew(boolean clockSkew) {
      this.clockSkew = clockSkew;
      return this;
    }

    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    public Builder ipHash(String ipHash) {
      this.ipHash = ipHash;
      return this;
    }

    public Event build() {
      return new Event(
          id,
          type,
          ts,
          url,
          referrer,
          title,
          target,
          x,
          y,
          elapsedMs,
          name,
          props,
          product,
          userId,
          reason,
          appId,
          visitorId,
          sessionId,
          receivedAt,
          clientTs,
          clockSkew,
          userAgent,
          ipHash);
    }
  }
}
