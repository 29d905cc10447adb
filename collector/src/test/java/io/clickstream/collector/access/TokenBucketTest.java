package io.clickstream.collector.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void aFullBucketLetsOneSecondOfEventsThroughAndThenAsksToWait() {
    TokenBucket bucket = new TokenBucket(10, 0);

    assertThat(bucket.tryTake(10, 0)).isZero();
    assertThat(bucket.tryTake(1, 0)).isEqualTo(SECOND / 10);
  }

  @Test
  void tokensComeBackAtTheRate() {
    TokenBucket bucket = new TokenBucket(10, 0);
    bucket.tryTake(10, 0);

    assertThat(bucket.tryTake(5, SECOND / 2)).isZero();
    assertThat(bucket.tryTake(1, SECOND / 2)).isEqualTo(SECOND / 10);
  }

  @Test
  void theBucketNeverHoldsMoreThanOneSecondOfEvents() {
    TokenBucket bucket = new TokenBucket(10, 0);

    assertThat(bucket.tryTake(10, 60 * SECOND)).isZero();
    assertThat(bucket.tryTake(1, 60 * SECOND)).isEqualTo(SECOND / 10);
  }

  @Test
  void aBatchLargerThanTheBucketPassesWhenFullAndLeavesItInDebt() {
    TokenBucket bucket = new TokenBucket(10, 0);

    assertThat(bucket.tryTake(50, 0)).isZero();
    // 40 events of debt plus the one asked for: 4.1 s at 10 per second.
    assertThat(bucket.tryTake(1, 0)).isEqualTo(41 * SECOND / 10);
    assertThat(bucket.tryTake(50, 4 * SECOND)).isEqualTo(SECOND);
    assertThat(bucket.tryTake(50, 5 * SECOND)).isZero();
  }
}
