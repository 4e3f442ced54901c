package io.racklet.tests.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.racklet.protocol.resource.SpecException;
import io.racklet.protocol.resource.SpecLoader;
import java.util.LinkedHashMap;
import java.util.Map;

/** The rack spec: YAML from the signed rack repository, or from a folder given to {@code racklet spec validate}. */
class RackSpecFuzzTest {

    /** One file, or up to three (separated by NUL bytes) parsed together as one spec, as a Git commit's blobs are. */
    @FuzzTest(maxDuration = "10m")
    void rackSpec(byte[] data) {
        String[] texts = FuzzInput.text(data).split("\0", 3);
        if (texts.length == 1) {
            Rejection.onlyWith(SpecException.class, () -> SpecLoader.parse("rack.yaml", texts[0]));
            return;
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < texts.length; i++) {
            files.put("spec/part-" + i + ".yaml", texts[i]);
        }
        Rejection.onlyWith(SpecException.class, () -> SpecLoader.parse("spec", files));
    }
}
