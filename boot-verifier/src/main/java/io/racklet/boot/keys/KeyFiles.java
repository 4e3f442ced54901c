package io.racklet.boot.keys;

import io.racklet.config.ConfigException;
import io.racklet.state.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Key pairs on disk: {@code NAME.key} (private, mode 0600) and {@code NAME.pub} beside it. */
public final class KeyFiles {
    private KeyFiles() {}

    /** Writes a new pair; never overwrites a key (a lost signing key cannot be recovered). */
    public static Path[] write(Path dir, String name, SigningKey key) throws IOException {
        if (!name.matches("[A-Za-z0-9._-]+")) throw new ConfigException("key name '" + name + "': letters, digits, '.', '_', '-' only");
        Files.createDirectories(dir);
        Path priv = dir.resolve(name + ".key"), pub = dir.resolve(name + ".pub");
        for (Path p : new Path[] {priv, pub}) {
            if (Files.exists(p)) throw new ConfigException(p + " already exists: refusing to overwrite a key");
        }
        try {
            Files.createFile(priv, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new ConfigException(priv + " already exists: refusing to overwrite a key");
        } catch (UnsupportedOperationException e) {
            Files.createFile(priv);
        }
        Files.writeString(priv, key.pem(), StandardCharsets.US_ASCII);
        AtomicFile.write(pub, key.publicKey().pem().getBytes(StandardCharsets.US_ASCII));
        return new Path[] {priv, pub};
    }

    public static SigningKey readSigningKey(Path file) {
        try {
            return SigningKey.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new ConfigException("cannot read signing key " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    public static PublicKey readPublicKey(Path file) {
        try {
            return PublicKey.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new ConfigException("cannot read public key " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }
}
