package io.racklet.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.racklet.boot.BootRefusedException;
import io.racklet.boot.manifest.ManifestCodec;
import io.racklet.boot.manifest.SignedManifest;

/**
 * Boot manifests as the BMC reads them from a mirror anyone on the network may control. The
 * decoder either refuses (a BootRefusedException naming what is wrong) or yields a manifest whose
 * canonical form decodes to the same manifest: a signature is checked over exactly that form.
 */
class BootManifestFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void manifest(byte[] data) {
        SignedManifest m;
        try {
            m = ManifestCodec.decode(data);
        } catch (BootRefusedException e) {
            assertThat(e.getMessage()).isNotBlank();
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                assertThat(c).as("a refusal wrapping a programming error").isNotInstanceOfAny(NullPointerException.class,
                        ClassCastException.class, IndexOutOfBoundsException.class, IllegalStateException.class);
            }
            return;
        }
        try {
            assertThat(ManifestCodec.decode(ManifestCodec.encode(m))).isEqualTo(m);
            assertThat(ManifestCodec.id(m.signed())).hasSize(64);
        } catch (BootRefusedException e) {
            throw new AssertionError("a decoded manifest does not decode again from its canonical form: " + e.getMessage(), e);
        }
    }
}
