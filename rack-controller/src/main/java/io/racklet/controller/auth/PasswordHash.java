package io.racklet.controller.auth;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** bcrypt with BouncyCastle: what the rack spec stores for a user's password, and the check. */
public final class PasswordHash {
    static final int COST = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {}

    public static String create(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password, salt, COST);
    }

    public static boolean matches(String hash, char[] password) {
        try {
            return hash != null && OpenBSDBCrypt.checkPassword(hash, password);
        } catch (IllegalArgumentException e) {
            return false; // a malformed hash matches nothing
        }
    }
}
