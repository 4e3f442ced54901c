package io.racklet.sync.verify;

import io.racklet.config.ConfigException;
import io.racklet.sync.SyncConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/**
 * Loads the admin keys pinned in an agent's configuration: git's allowed_signers file for SSH
 * keys and armoured OpenPGP keys. Every problem names the file and line.
 */
public final class PinnedKeys {
    private static final Set<String> KEY_TYPES = Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com");

    private PinnedKeys() {}

    public static TrustSet load(SyncConfig.Trust trust) {
        List<TrustedKey> keys = new ArrayList<>();
        if (trust.allowedSigners() != null) {
            keys.addAll(allowedSigners(trust.allowedSigners()));
        }
        for (Path p : trust.openpgpKeys()) {
            String text = read(p);
            try {
                PGPPublicKeyRing ring = OpenPgpKeys.parse(text, p.toString());
                keys.add(new TrustedKey(OpenPgpKeys.userId(ring), TrustedKey.Format.OPENPGP, text,
                        OpenPgpKeys.fingerprint(ring.getPublicKey()), null));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(p + ": " + e.getMessage());
            }
        }
        if (keys.isEmpty()) throw new ConfigException("sync.trust: the pinned key files hold no key a commit could be signed with");
        return new TrustSet(keys, 1);
    }

    /**
     * git's allowed_signers format: {@code principals [options] keytype base64 [comment]}. Keys
     * limited to namespaces other than "git" are skipped; {@code valid-before} becomes the expiry.
     */
    static List<TrustedKey> allowedSigners(Path file) {
        List<TrustedKey> out = new ArrayList<>();
        List<String> lines = read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = file + ":" + (i + 1) + ": ";
            List<String> tokens = tokens(line);
            if (tokens.size() < 3) throw new ConfigException(where + "expected 'principal [options] keytype key'");
            int k = KEY_TYPES.contains(tokens.get(1)) ? 1 : 2;
            if (tokens.size() <= k + 1 || !KEY_TYPES.contains(tokens.get(k))) {
                throw new ConfigException(where + "no SSH key type (e.g. ssh-ed25519) where one was expected");
            }
            LocalDate expires = null;
            boolean forGit = true;
            if (k == 2) {
                for (String option : splitOptions(tokens.get(1))) {
                    String name = option.contains("=") ? option.substring(0, option.indexOf('=')).toLowerCase() : option.toLowerCase();
                    String value = option.contains("=") ? option.substring(option.indexOf('=') + 1).replace("\"", "") : "";
                    switch (name) {
                        case "namespaces" -> forGit = List.of(value.split(",")).contains("git");
                        case "valid-before" -> expires = validBefore(value, where);
                        case "valid-after" -> { /* commits before the key existed cannot be new ones */ }
                        case "cert-authority" -> throw new ConfigException(where + "cert-authority keys are not supported; pin the admins' own keys");
                        default -> throw new ConfigException(where + "unknown option '" + name + "'");
                    }
                }
            }
            if (!forGit) continue;
            String principal = tokens.get(0).replace("\"", "").split(",")[0];
            try {
                out.add(TrustedKey.ssh(principal, tokens.get(k) + " " + tokens.get(k + 1), expires));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + e.getMessage());
            }
        }
        return out;
    }

    /** The last day a key valid before {@code value} (YYYYMMDD[HHMM[SS]][Z], as ssh-keygen reads it) may sign. */
    private static LocalDate validBefore(String value, String where) {
        if (value.length() >= 8) {
            try {
                return LocalDate.parse(value.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE).minusDays(1);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new ConfigException(where + "valid-before '" + value + "' is not a date (YYYYMMDD)");
    }

    private static List<String> tokens(String line) {
        return splitOutsideQuotes(line, ' ');
    }

    private static List<String> splitOptions(String options) {
        return splitOutsideQuotes(options, ',');
    }

    /** Splits on {@code separator} (' ' means any white space) outside double quotes. */
    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') quoted = !quoted;
            boolean split = !quoted && (separator == ' ' ? Character.isWhitespace(c) : c == separator);
            if (split) {
                if (!cur.isEmpty()) out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) out.add(cur.toString());
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new ConfigException(p + ": cannot read pinned keys: " + e.getMessage());
        }
    }
}
