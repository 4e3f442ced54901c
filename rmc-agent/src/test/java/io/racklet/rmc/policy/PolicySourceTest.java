package io.racklet.rmc.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.protocol.resource.RackDeclaration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySourceTest {
    static final String RACK = """
            apiVersion: racklet.io/v1alpha1
            kind: Rack
            metadata: {name: lab}
            spec: {powerBudgetWatts: 40}
            ---
            apiVersion: racklet.io/v1alpha1
            kind: FanPolicy
            metadata: {name: quiet}
            spec:
              mode: curve
              curve: [{celsius: 30, duty: 30}, {celsius: 40, duty: 100}]
              failsafe: {sensorStale: 100, fanFailure: 100, noPolicy: 80}
              thermal: {warnCelsius: 70, criticalCelsius: 80, shutdownCelsius: 90}
            """;

    final List<RackDeclaration> applied = new ArrayList<>();
    final List<String> rejected = new ArrayList<>();

    @Test
    void loadsOnceAndAgainOnlyWhenTheSpecChanges(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("rack.yaml");
        Files.writeString(spec, RACK);
        PolicySource source = new PolicySource(dir, applied::add, (p, kept) -> rejected.add(p));
        source.check();
        source.check();
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0).rack().spec().powerBudgetWatts()).isEqualTo(40);
        assertThat(applied.get(0).fanPolicy()).isPresent();

        Files.writeString(spec, RACK.replace("powerBudgetWatts: 40", "powerBudgetWatts: 30"));
        Files.setLastModifiedTime(spec, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        source.check();
        assertThat(applied).hasSize(2);
        assertThat(applied.get(1).rack().spec().powerBudgetWatts()).isEqualTo(30);
    }

    @Test
    void aBadPolicyIsRejectedWithItsProblemsAndTheLastGoodStays(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("rack.yaml");
        Files.writeString(spec, RACK);
        List<Boolean> kept = new ArrayList<>();
        PolicySource source = new PolicySource(dir, applied::add, (p, k) -> {
            rejected.add(p);
            kept.add(k);
        });
        source.check();
        Files.writeString(spec, RACK.replace("{celsius: 40, duty: 100}", "{celsius: 20, duty: 100}"));
        Files.setLastModifiedTime(spec, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        source.check();
        assertThat(applied).hasSize(1);
        assertThat(rejected).singleElement().asString().contains("rack.yaml:", "curve points must rise");
        assertThat(kept).containsExactly(true);
    }

    @Test
    void aSpecThatWasNeverValidSaysSo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("rack.yaml"), RACK.replace("mode: curve", "mode: magic"));
        List<Boolean> kept = new ArrayList<>();
        new PolicySource(dir, applied::add, (p, k) -> {
            rejected.add(p);
            kept.add(k);
        }).check();
        assertThat(applied).isEmpty();
        assertThat(rejected).singleElement().asString().contains("mode");
        assertThat(kept).containsExactly(false);
    }
}
