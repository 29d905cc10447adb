package io.clickstream.metadata.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;

/**
 * Argon2id password hashes as PHC strings (password4j). Each hash holds its parameters, so raising
 * them later leaves old hashes verifiable. Hashing is bounded to a few at a time: each one takes
 * {@code memoryKib} of heap, and 64 concurrent logins must not take a gigabyte.
 */
public final class PasswordHasher {
  /** Argon2id parameters. */
  public record Parameters(int memoryKib, int iterations, int parallelism) {
    /** OWASP's first recommendation for Argon2id: 19 MiB, 2 passes, 1 lane. */
    public static final Parameters OWASP = new Parameters(19_456, 2, 1);
  }

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  private final Argon2Function function;
  private final Semaphore permits;
  private final String dummyHash;

  public PasswordHasher(Parameters parameters, int maxConcurrent) {
    this.function =
        Argon2Function.getInstance(
            parameters.memoryKib(),
            parameters.iterations(),
            parameters.parallelism(),
            HASH_BYTES,
            Argon2.ID);
    this.permits = new Semaphore(maxConcurrent, true);
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    // Verified against when the email is unknown, so that answer takes as long as a wrong password.
    this.dummyHash = hash(HexFormat.of().formatHex(random));
  }

  public String hash(String password) {
    acquire();
    try {
      return Password.hash(normalise(password))
          .addRandomSalt(SALT_BYTES)
          .with(function)
          .getResult();
    } finally {
      permits.release();
    }
  }

  public boolean verify(String password, String phc) {
    acquire();
    try {
      return Password.check(normalise(password), phc).with(Argon2Function.getInstanceFromHash(phc));
    } catch (RuntimeException e) {
      return false; // a hash we cannot read matches nothing
    } finally {
      permits.release();
    }
  }

  /** Spends the time of a verification and fails: the path for unknown accounts. */
  public boolean verifyAgainstNothing(String password) {
    verify(password, dummyHash);
    return false;
  }

  // "é" typed as one code point or as e + accent must be the same password.
  private static String normalise(String password) {
    return Normalizer.normalize(password, Normalizer.Form.NFKC);
  }

  private void acquire() {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to hash a password", e);
    }
  }
}
