package io.racklet.cli.boot;

import io.racklet.boot.keys.KeyFiles;
import io.racklet.boot.keys.SigningKey;
import io.racklet.config.Entrypoint;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racklet boot keygen --out DIR [--name NAME]}. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Makes an Ed25519 signing key: NAME.key (PKCS#8 PEM, mode 0600) and NAME.pub (PEM) in DIR.",
                "Prints the key id (sha256 of the raw public key), which manifests' signatures name."})
public final class KeygenCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "Folder for the key files.")
    Path out;

    @Option(names = "--name", defaultValue = "boot-signer", description = "File name of the pair (default: ${DEFAULT-VALUE}).")
    String name;

    @Override
    public Integer call() throws Exception {
        SigningKey key = SigningKey.generate(new SecureRandom());
        Path[] files = KeyFiles.write(out, name, key);
        System.out.println("key id " + key.publicKey().id());
        System.out.println("private " + files[0]);
        System.out.println("public  " + files[1]);
        return Entrypoint.OK;
    }
}
