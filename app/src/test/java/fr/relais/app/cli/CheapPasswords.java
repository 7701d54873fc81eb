package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Accounts' real passwords, hashed again with 1,000 PBKDF2 rounds instead of the 600,000 that Relais writes: the stored
 * form carries its cost (as a store from a later, costlier version would), so a test that signs in hundreds of times
 * stays within seconds while each sign-in still runs the real comparison. Production never writes such a hash; the
 * tests that create accounts and change passwords keep the real cost (docs/security.md, "Password hashing in tests").
 */
final class CheapPasswords {
    private CheapPasswords() {
    }

    /** Rehashes {@code password} for each of {@code users}, each with its own salt, straight in the store's file. */
    static void rehash(Path db, String password, String... users) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement update = c.prepareStatement("update account set password_hash = ? where user_id = ?")) {
            for (String user : users) {
                update.setString(1, cheapHash(password));
                update.setString(2, user);
                assertThat(update.executeUpdate()).as(user).isEqualTo(1);
            }
        }
    }

    private static String cheapHash(String password) throws Exception {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, 1000, 256);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$1000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }
}
