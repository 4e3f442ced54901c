package io.racklet.boot.keys;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/** An Ed25519 signing key (BouncyCastle), kept as unencrypted PKCS#8 PEM ("PRIVATE KEY"). */
public final class SigningKey {
    private final Ed25519PrivateKeyParameters params;

    private SigningKey(Ed25519PrivateKeyParameters params) {
        this.params = params;
    }

    public static SigningKey generate(SecureRandom random) {
        return new SigningKey(new Ed25519PrivateKeyParameters(random));
    }

    public static SigningKey parse(String pemText) {
        try (PemReader r = new PemReader(new StringReader(pemText))) {
            PemObject pem = r.readPemObject();
            if (pem == null || !pem.getType().equals("PRIVATE KEY")) {
                throw new IllegalArgumentException("not a PKCS#8 PEM private key (expected -----BEGIN PRIVATE KEY-----)");
            }
            AsymmetricKeyParameter k = PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(pem.getContent()));
            if (!(k instanceof Ed25519PrivateKeyParameters ed)) {
                throw new IllegalArgumentException("not an Ed25519 key: " + k.getClass().getSimpleName());
            }
            return new SigningKey(ed);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) throw iae;
            throw new IllegalArgumentException("unreadable PEM private key: " + e.getMessage());
        }
    }

    public PublicKey publicKey() {
        return PublicKey.of(params.generatePublicKey());
    }

    public byte[] sign(byte[] message) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, params);
        s.update(message, 0, message.length);
        return s.generateSignature();
    }

    public String pem() {
        try {
            StringWriter out = new StringWriter();
            try (PemWriter w = new PemWriter(out)) {
                w.writeObject(new PemObject("PRIVATE KEY", PrivateKeyInfoFactory.createPrivateKeyInfo(params).getEncoded()));
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
