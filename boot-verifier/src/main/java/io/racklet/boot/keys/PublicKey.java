package io.racklet.boot.keys;

import io.racklet.boot.Sha256;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * A trusted signer's Ed25519 public key. Its id is the sha256 (hex) of the 32 raw key bytes.
 * Written as PEM (SubjectPublicKeyInfo, "PUBLIC KEY", as {@code openssl pkey -pubout} writes);
 * read from that or from the raw key in base64 (the short form a rack spec can carry).
 */
public final class PublicKey {
    private final byte[] raw;
    private final Ed25519PublicKeyParameters params;

    private PublicKey(byte[] raw) {
        this.raw = raw.clone();
        this.params = new Ed25519PublicKeyParameters(this.raw, 0);
    }

    static PublicKey of(Ed25519PublicKeyParameters p) {
        return new PublicKey(p.getEncoded());
    }

    public static PublicKey fromRaw(byte[] raw) {
        if (raw.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        return new PublicKey(raw);
    }

    /** PEM ("-----BEGIN PUBLIC KEY-----") or the raw 32 bytes in base64. */
    public static PublicKey parse(String text) {
        String t = text.strip();
        if (!t.startsWith("-----BEGIN")) {
            try {
                return fromRaw(Base64.getDecoder().decode(t));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a public key (PEM, or 32 bytes in base64): " + e.getMessage());
            }
        }
        try (PemReader r = new PemReader(new StringReader(t))) {
            PemObject pem = r.readPemObject();
            if (pem == null || !pem.getType().equals("PUBLIC KEY")) {
                throw new IllegalArgumentException("not a PEM public key (expected -----BEGIN PUBLIC KEY-----)");
            }
            AsymmetricKeyParameter k = PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(pem.getContent()));
            if (!(k instanceof Ed25519PublicKeyParameters ed)) {
                throw new IllegalArgumentException("not an Ed25519 key: " + k.getClass().getSimpleName());
            }
            return of(ed);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) throw iae;
            throw new IllegalArgumentException("unreadable PEM public key: " + e.getMessage());
        }
    }

    public String id() {
        return Sha256.hex(raw);
    }

    public byte[] raw() {
        return raw.clone();
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(raw);
    }

    public String pem() {
        try {
            StringWriter out = new StringWriter();
            try (PemWriter w = new PemWriter(out)) {
                w.writeObject(new PemObject("PUBLIC KEY", SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(params).getEncoded()));
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean verifies(byte[] message, byte[] signature) {
        Ed25519Signer v = new Ed25519Signer();
        v.init(false, params);
        v.update(message, 0, message.length);
        return v.verifySignature(signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey k && Arrays.equals(raw, k.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "ed25519:" + id().substring(0, 16);
    }
}
