package io.racklet.controller.identity;

import io.racklet.config.ConfigException;
import io.racklet.json.Json;
import io.racklet.state.AtomicFile;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The rack's certificate authority, with BouncyCastle: an EC P-256 key and a self-signed CA
 * certificate in its folder ({@code ca.key} readable by its owner only, {@code ca.crt}), the
 * certificates it issued (by serial), and its revocation list ({@code crl.pem}), rewritten on every
 * revocation. Every file is written atomically.
 */
public final class RackAuthority {
    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final InstantSource clock;
    private final KeyPair ca;
    private final X509Certificate caCert;

    /** What was issued, kept so that revocation can name a certificate by its holder. */
    public record Issued(String name, IdentityRole role, String serial, Instant notAfter, Instant revokedAt) {}

    private RackAuthority(Path dir, InstantSource clock, KeyPair ca, X509Certificate caCert) {
        this.dir = dir;
        this.clock = clock;
        this.ca = ca;
        this.caCert = caCert;
    }

    /** Creates the rack's CA in {@code dir}; refuses to overwrite one. */
    public static RackAuthority create(Path dir, String rack, InstantSource clock) {
        if (Files.exists(dir.resolve("ca.key"))) throw new ConfigException(dir + " already holds a rack CA (ca.key); not replacing it");
        try {
            KeyPair kp = newKey();
            Instant now = clock.instant();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Racklet")
                    .addRDN(BCStyle.CN, "racklet " + rack + " rack CA").build();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(CA_VALIDITY)), subject, kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(BC).getCertificate(b.build(signer(kp.getPrivate())));
            // the folder is its owner's alone, so the key is never readable by others, not even while written
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            writePrivate(dir.resolve("ca.key"), pkcs8(kp.getPrivate()));
            AtomicFile.write(dir.resolve("ca.crt"), pem(cert).getBytes(StandardCharsets.US_ASCII));
            RackAuthority authority = new RackAuthority(dir, clock, kp, cert);
            authority.writeCrl(List.of());
            return authority;
        } catch (IOException | OperatorCreationException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the rack CA in " + dir + ": " + e.getMessage(), e);
        }
    }

    public static RackAuthority load(Path dir, InstantSource clock) {
        try (PEMParser keyPem = new PEMParser(new StringReader(Files.readString(dir.resolve("ca.key"))));
             PEMParser certPem = new PEMParser(new StringReader(Files.readString(dir.resolve("ca.crt"))))) {
            Object key = keyPem.readObject();
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter().setProvider(BC);
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(BC).getCertificate((X509CertificateHolder) certPem.readObject());
            KeyPair kp = key instanceof PEMKeyPair p ? conv.getKeyPair(p)
                    : key instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info ? new KeyPair(cert.getPublicKey(), conv.getPrivateKey(info)) : null;
            if (kp == null) throw new ConfigException(dir.resolve("ca.key") + ": not an EC private key in PEM");
            return new RackAuthority(dir, clock, kp, cert);
        } catch (IOException | java.security.GeneralSecurityException | ClassCastException e) {
            throw new ConfigException("cannot read the rack CA in " + dir + " (run ./racklet keys init): " + e.getMessage());
        }
    }

    public X509Certificate certificate() {
        return caCert;
    }

    /**
     * Issues a certificate for {@code name} in {@code role} with a fresh key; writes {@code <name>.key}
     * (owner only) and {@code <name>.crt} into {@code out}.
     */
    public X509Certificate issue(String name, IdentityRole role, Duration validity, Path out) {
        try {
            KeyPair kp = newKey();
            X509Certificate cert = issue(name, role, kp.getPublic(), validity);
            Files.createDirectories(out);
            writePrivate(out.resolve(name + ".key"), pkcs8(kp.getPrivate()));
            AtomicFile.write(out.resolve(name + ".crt"), pem(cert).getBytes(StandardCharsets.US_ASCII));
            return cert;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a certificate for " + name + ": " + e.getMessage(), e);
        }
    }

    /** Signs a certificate for a public key the holder generated itself (enrollment). */
    public synchronized X509Certificate issue(String name, IdentityRole role, PublicKey key, Duration validity) {
        io.racklet.protocol.topic.Topics.requireName("name", name);
        try {
            Instant now = clock.instant();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Racklet")
                    .addRDN(BCStyle.OU, role.name()).addRDN(BCStyle.CN, name).build();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            List<KeyPurposeId> purposes = new ArrayList<>(List.of(KeyPurposeId.id_kp_clientAuth));
            if (role == IdentityRole.controller) purposes.add(KeyPurposeId.id_kp_serverAuth);
            List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, name)));
            if (role == IdentityRole.controller) {
                names.add(new GeneralName(GeneralName.dNSName, "localhost"));
                names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
            }
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, serial(), Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(validity)), subject, key)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key));
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(BC).getCertificate(b.build(signer(ca.getPrivate())));
            List<Issued> issued = new ArrayList<>(issued());
            issued.add(new Issued(name, role, cert.getSerialNumber().toString(16), cert.getNotAfter().toInstant(), null));
            saveIssued(issued);
            return cert;
        } catch (IOException | OperatorCreationException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a certificate for " + name + ": " + e.getMessage(), e);
        }
    }

    /** Revokes every live certificate of {@code name} and rewrites the CRL; returns how many. */
    public synchronized int revoke(String name) {
        Instant now = clock.instant();
        List<Issued> all = new ArrayList<>();
        int n = 0;
        for (Issued i : issued()) {
            if (i.name().equals(name) && i.revokedAt() == null) {
                i = new Issued(i.name(), i.role(), i.serial(), i.notAfter(), now);
                n++;
            }
            all.add(i);
        }
        if (n == 0) throw new ConfigException("no live certificate for '" + name + "' to revoke");
        saveIssued(all);
        writeCrl(all.stream().filter(i -> i.revokedAt() != null).toList());
        return n;
    }

    public synchronized List<Issued> issued() {
        Path f = dir.resolve("issued.json");
        if (!Files.exists(f)) return List.of();
        try {
            return List.of(Json.json().readValue(f.toFile(), Issued[].class));
        } catch (IOException e) {
            throw new ConfigException(f + ": unreadable: " + e.getMessage());
        }
    }

    private void saveIssued(List<Issued> issued) {
        try {
            AtomicFile.write(dir.resolve("issued.json"), Json.json().writerWithDefaultPrettyPrinter().writeValueAsBytes(issued));
        } catch (IOException e) {
            throw new IllegalStateException("cannot record issued certificates: " + e.getMessage(), e);
        }
    }

    private void writeCrl(List<Issued> revoked) {
        try {
            Instant now = clock.instant();
            X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()), Date.from(now));
            b.setNextUpdate(Date.from(now.plus(Duration.ofDays(30))));
            for (Issued i : revoked) {
                b.addCRLEntry(new BigInteger(i.serial(), 16), Date.from(i.revokedAt()), CRLReason.keyCompromise);
            }
            X509CRLHolder crl = b.build(signer(ca.getPrivate()));
            StringWriter w = new StringWriter();
            try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
                pw.writeObject(crl);
            }
            AtomicFile.write(dir.resolve("crl.pem"), w.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot write the CRL: " + e.getMessage(), e);
        }
    }

    private static KeyPair newKey() throws java.security.GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(key);
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    /** PKCS#8 ("BEGIN PRIVATE KEY"): what the JDK's KeyFactory, OpenSSL and Mosquitto all read. */
    static String pkcs8(PrivateKey key) throws IOException {
        return pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null).generate());
    }

    static String pem(Object o) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(o);
        }
        return w.toString();
    }

    private static void writePrivate(Path file, String pem) throws IOException {
        AtomicFile.write(file, pem.getBytes(StandardCharsets.US_ASCII));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
