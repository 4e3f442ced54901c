package io.racklet.boot.keys;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * An Ed25519 signing key (BouncyCastle), kept as unencrypted PKCS#8 PEM ("PRIVATE KEY"), the form
 * {@code openssl genpkey -algorithm ed25519} writes; such keys are read too.
 */
public final class SigningKey {
    /** id-Ed25519 (RFC 8410). */
    private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");
    private final Ed25519PrivateKeyParameters params;

    private SigningKey(Ed25519PrivateKeyParameters params) {
        this.params = params;
    }

    public static SigningKey generate(SecureRandom random) {
        return new SigningKey(new Ed25519PrivateKeyParameters(random));
    }

    /** From the 32-byte private seed (RFC 8032's "secret key"). */
    public static SigningKey fromSeed(byte[] seed) {
        return new SigningKey(new Ed25519PrivateKeyParameters(seed, 0));
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
                // RFC 8410's plain form (version 1, no embedded public key), as OpenSSL writes and reads it
                PrivateKeyInfo info = new PrivateKeyInfo(new AlgorithmIdentifier(ID_ED25519),
                        new DEROctetString(params.getEncoded()));
                w.writeObject(new PemObject("PRIVATE KEY", info.getEncoded()));
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
