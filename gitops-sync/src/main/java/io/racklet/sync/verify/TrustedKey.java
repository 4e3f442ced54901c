package io.racklet.sync.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/**
 * One admin key the rack repository's commits may be signed with.
 *
 * @param owner       who holds it (the User's name, or the principal/user id pinned in config)
 * @param format      SSH or OpenPGP
 * @param material    the SSH public key "type base64", or the armoured OpenPGP key
 * @param fingerprint SSH "SHA256:..." or OpenPGP upper-case hex; keys are compared by it
 * @param expires     the last day on which the key may sign; null for never
 */
public record TrustedKey(String owner, Format format, String material, String fingerprint, LocalDate expires) {

    public enum Format { SSH, OPENPGP }

    /** An SSH public key line ("ssh-ed25519 AAAA... comment"); the comment is dropped. */
    public static TrustedKey ssh(String owner, String keyLine, LocalDate expires) {
        String[] parts = keyLine.strip().split("\\s+");
        if (parts.length < 2) throw new IllegalArgumentException("'" + keyLine + "' is not an SSH public key line (type base64)");
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SSH key of " + owner + " is not valid base64");
        }
        int length = readLength(blob);
        if (length <= 0 || length > blob.length - 4) throw new IllegalArgumentException("SSH key of " + owner + " is not a key blob");
        String type = new String(blob, 4, length, StandardCharsets.US_ASCII);
        if (!type.equals(parts[0])) {
            throw new IllegalArgumentException("SSH key of " + owner + " says '" + parts[0] + "' but holds a '" + type + "' key");
        }
        return new TrustedKey(owner, Format.SSH, parts[0] + " " + parts[1], sshFingerprint(blob), expires);
    }

    /** An ASCII-armoured OpenPGP public key. */
    public static TrustedKey openpgp(String owner, String armoured, LocalDate expires) {
        PGPPublicKeyRing ring = OpenPgpKeys.parse(armoured, owner);
        return new TrustedKey(owner, Format.OPENPGP, armoured, OpenPgpKeys.fingerprint(ring.getPublicKey()), expires);
    }

    public boolean expiredOn(LocalDate day) {
        return expires != null && day.isAfter(expires);
    }

    public String describe() {
        return owner + " (" + format.name().toLowerCase() + " " + fingerprint + ")";
    }

    private static int readLength(byte[] blob) {
        if (blob.length < 4) throw new IllegalArgumentException("SSH key blob too short");
        return ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
    }

    /** The fingerprint OpenSSH prints (ssh-keygen -l): SHA-256 of the key blob, unpadded base64. */
    static String sshFingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
