package io.racklet.mqtt;

import io.racklet.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Mutual TLS for the broker connection with the JDK alone (agents stay small): trusts only the
 * rack CA and presents this agent's certificate and PKCS#8 key, both PEM.
 */
final class TlsSockets {
    private TlsSockets() {}

    static SSLSocketFactory factory(MqttSettings.Tls tls) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            Certificate ca;
            try (InputStream in = Files.newInputStream(tls.ca())) {
                ca = cf.generateCertificate(in);
            }
            Certificate[] chain;
            try (InputStream in = Files.newInputStream(tls.certificate())) {
                chain = cf.generateCertificates(in).toArray(Certificate[]::new);
            }
            PrivateKey key = pkcs8(Files.readString(tls.key()), chain[0].getPublicKey().getAlgorithm());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("rack-ca", ca);
            KeyStore own = KeyStore.getInstance("PKCS12");
            own.load(null, null);
            char[] none = new char[0];
            own.setKeyEntry("me", key, none, chain);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(own, none);
            SSLContext ctx = SSLContext.getInstance("TLSv1.3");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new ConfigException("mqtt.tls: cannot use " + tls.certificate() + " / " + tls.key() + " with CA " + tls.ca() + ": " + e.getMessage());
        }
    }

    private static PrivateKey pkcs8(String pem, String algorithm) throws GeneralSecurityException {
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) throw new GeneralSecurityException("the key is not PKCS#8 PEM (BEGIN PRIVATE KEY)");
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
