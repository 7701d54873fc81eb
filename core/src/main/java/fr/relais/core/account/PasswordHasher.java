package fr.relais.core.account;

import fr.relais.core.error.BadInputException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Account passwords as PBKDF2-HMAC-SHA256 hashes, from the JDK (no extra dependency), a 16-byte random salt, compared
 * in constant time. The cost of the hashes it writes is its constructor's: the composition root gives the
 * workstation's setting ({@link #fromSetting}: {@value #DEFAULT_ITERATIONS} iterations as OWASP recommends for this
 * function (2023), never fewer). The stored form carries its own cost ({@code pbkdf2-sha256$ROUNDS$SALT$HASH}), and a
 * password is checked at the cost its hash records, so the count can rise later without invalidating existing
 * accounts (docs/security.md).
 */
public final class PasswordHasher {
    /** What every workstation writes unless its setting asks for more. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** The floor of the workstation setting: a setting below is refused by name (docs/security.md). */
    public static final int MINIMUM_ITERATIONS = DEFAULT_ITERATIONS;
    /** The launcher's cost. */
    public static final PasswordHasher DEFAULT = new PasswordHasher(DEFAULT_ITERATIONS);

    private static final String SCHEME = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    /** Made on the first sign-in with an unknown account only (hashing takes a moment; start-up must not pay it). */
    private volatile String unknownAccount;

    /**
     * A hasher writing hashes of {@code iterations} rounds. Any positive count is taken here (a test's fixtures use a
     * low one); what a workstation may set is checked by {@link #fromSetting}.
     */
    public PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("PBKDF2 needs at least one iteration: " + iterations);
        }
        this.iterations = iterations;
    }

    /**
     * The hasher of the workstation setting {@code setting} whose value is {@code text}: {@link #DEFAULT} when it is not
     * set; a number of at least {@link #MINIMUM_ITERATIONS} otherwise, anything else refused naming the setting.
     */
    public static PasswordHasher fromSetting(String setting, String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String value = text.strip();
        if (value.matches("[0-9]{1,9}") && Integer.parseInt(value) >= MINIMUM_ITERATIONS) {
            return new PasswordHasher(Integer.parseInt(value));
        }
        throw new BadInputException(setting, "settings.passwordIterations", text.strip(), MINIMUM_ITERATIONS);
    }

    /** The rounds of the hashes this hasher writes. */
    public int iterations() {
        return iterations;
    }

    /** A new hash of {@code password}, with a salt of its own, at this hasher's cost. */
    String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return String.join("$", SCHEME, Integer.toString(iterations), encode(salt), encode(derive(password, salt, iterations)));
    }

    /** Whether {@code password} is the one {@code stored} was made from, at the cost {@code stored} records. */
    static boolean matches(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(password, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * A hash no password matches in practice, at this hasher's cost: what a sign-in with an unknown account is checked
     * against, so that it takes as long as one with a known account.
     */
    String unknownAccount() {
        String hash = unknownAccount;
        if (hash == null) {
            hash = hash("no account has this password".toCharArray());
            unknownAccount = hash;
        }
        return hash;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
