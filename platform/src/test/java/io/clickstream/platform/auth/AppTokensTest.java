package io.clickstream.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.clickstream.platform.auth.AppTokens.AppToken;
import io.clickstream.platform.auth.AppTokens.InvalidTokenException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AppTokensTest {
  private static final byte[] KEY = bytes(32, 7);
  private static final byte[] OTHER_KEY = bytes(32, 8);
  private static final Instant ISSUED_AT = Instant.parse("2026-11-22T10:15:30Z");
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final AppTokens tokens = new AppTokens(KEY);

  @Test
  void issuedTokenVerifiesToItsAppTokenIdAndIssueTime() {
    String token = tokens.issue("app-1", "tok-1", ISSUED_AT);

    assertThat(tokens.verify(token)).isEqualTo(new AppToken("app-1", "tok-1", ISSUED_AT));
  }

  @Test
  void tokenIsAnHs256JwtForTheCollector() throws Exception {
    SignedJWT jwt = SignedJWT.parse(tokens.issue("app-1", "tok-1", ISSUED_AT));

    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("clickstream-collector");
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("app-1");
  }

  @Test
  void tokenWithAnExpiryVerifiesUntilThatInstantAndNotFromIt() {
    Instant expiresAt = ISSUED_AT.plusSeconds(3600);
    String token = tokens.issue("app-1", "tok-1", ISSUED_AT, expiresAt);
    AppTokens justBefore = new AppTokens(KEY, clockAt(expiresAt.minusMillis(1)));
    AppTokens atExpiry = new AppTokens(KEY, clockAt(expiresAt));

    assertThat(justBefore.verify(token))
        .isEqualTo(new AppToken("app-1", "tok-1", ISSUED_AT, expiresAt));
    assertThatThrownBy(() -> atExpiry.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("app token has expired");
  }

  @Test
  void tokenWithoutExpiryNeverExpires() {
    String token = tokens.issue("app-1", "tok-1", ISSUED_AT);

    assertThat(new AppTokens(KEY, clockAt(ISSUED_AT.plusSeconds(10L * 365 * 86400))).verify(token))
        .isEqualTo(new AppToken("app-1", "tok-1", ISSUED_AT, null));
  }

  @Test
  void tokenSignedWithAnotherKeyIsRejected() {
    String foreign = new AppTokens(OTHER_KEY).issue("app-1", "tok-1", ISSUED_AT);

    assertRejected(foreign);
  }

  @Test
  void tokenWithTamperedPayloadIsRejected() {
    String[] parts = tokens.issue("app-1", "tok-1", ISSUED_AT).split("\\.");
    String otherApp =
        base64Url(
            "{\"sub\":\"app-2\",\"aud\":\"clickstream-collector\",\"jti\":\"tok-1\","
                + "\"iat\":1795342530}");

    assertRejected(parts[0] + "." + otherApp + "." + parts[2]);
  }

  @Test
  void tokenWithTamperedSignatureIsRejected() {
    String token = tokens.issue("app-1", "tok-1", ISSUED_AT);
    char last = token.charAt(token.length() - 2);
    String tampered =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);

    assertRejected(tampered);
  }

  @Test
  void unsignedAlgNoneTokenIsRejected() {
    String payload =
        base64Url("{\"sub\":\"app-1\",\"aud\":\"clickstream-collector\",\"jti\":\"tok-1\"}");

    assertRejected(base64Url("{\"alg\":\"none\"}") + "." + payload + ".");
    assertRejected(base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".");
  }

  @Test
  void tokenSignedWithHs512UnderTheSameKeyIsRejected() throws Exception {
    String signingInput =
        base64Url("{\"alg\":\"HS512\"}")
            + "."
            + base64Url("{\"sub\":\"app-1\",\"aud\":\"clickstream-collector\",\"jti\":\"tok-1\"}");
    Mac mac = Mac.getInstance("HmacSHA512");
    mac.init(new SecretKeySpec(KEY, "HmacSHA512"));
    String signature =
        BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));

    assertRejected(signingInput + "." + signature);
  }

  @Test
  void jwtForAnotherAudienceIsRejected() throws Exception {
    JWTClaimsSet userToken =
        new JWTClaimsSet.Builder()
            .subject("user-1")
            .audience("clickstream-query-api")
            .issueTime(Date.from(ISSUED_AT))
            .build();

    assertRejected(sign(userToken));
  }

  @Test
  void jwtWithoutAudienceIsRejected() throws Exception {
    assertRejected(sign(new JWTClaimsSet.Builder().subject("app-1").jwtID("tok-1").build()));
  }

  @Test
  void jwtWithoutSubjectIsRejected() throws Exception {
    assertRejected(
        sign(new JWTClaimsSet.Builder().audience("clickstream-collector").jwtID("tok-1").build()));
  }

  @Test
  void garbageIsRejected() {
    assertRejected("not-a-token");
    assertRejected("a.b.c");
    assertRejected("...");
    assertRejected(base64Url("{\"alg\":\"HS256\"}") + ".bm90IGpzb24." + base64Url("sig"));
  }

  @Test
  void missingOrBlankTokenIsRejected() {
    assertRejected(null);
    assertRejected("");
    assertRejected("   ");
  }

  @Test
  void oversizedTokenIsRejectedEvenWhenProperlySigned() {
    String oversized = tokens.issue("app-1", "t".repeat(4000), ISSUED_AT);
    assertThat(oversized.length()).isGreaterThan(4096);

    assertRejected(oversized);
  }

  @Test
  void keyShorterThan32BytesIsRefused() {
    assertThatThrownBy(() -> new AppTokens(bytes(31, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The app token key must be at least 32 bytes");
    assertThatThrownBy(() -> new AppTokens(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyOfExactly32BytesIsAccepted() {
    assertThatCode(() -> new AppTokens(bytes(32, 1))).doesNotThrowAnyException();
  }

  private void assertRejected(String token) {
    assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class);
  }

  private static String sign(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(KEY));
    return jwt.serialize();
  }

  private static Clock clockAt(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  private static String base64Url(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
