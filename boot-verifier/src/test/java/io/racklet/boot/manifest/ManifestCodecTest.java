package io.racklet.boot.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racklet.boot.BootRefusedException;
import io.racklet.boot.Fixtures;
import io.racklet.boot.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestCodecTest {
    private static final String K = "a".repeat(64), I = "b".repeat(64);
    private final BootManifest m = BootManifest.of("debian-cloud", 3, java.time.Instant.parse("2026-01-01T00:00:00Z"),
            new Artifact(K, 14186432), new Artifact(I, 1029092), "console=ttyS0 quiet");

    @Test
    void canonicalFormSortsMembersAndHasNoWhitespace() {
        String canonical = new String(ManifestCodec.canonical(m), StandardCharsets.UTF_8);
        assertThat(canonical).isEqualTo("{\"cmdline\":\"console=ttyS0 quiet\",\"expires\":\"2026-01-01T00:00:00Z\","
                + "\"initramfs\":{\"length\":1029092,\"sha256\":\"" + I + "\"},"
                + "\"kernel\":{\"length\":14186432,\"sha256\":\"" + K + "\"},"
                + "\"name\":\"debian-cloud\",\"type\":\"racklet.io/boot-manifest/v1\",\"version\":3}");
    }

    @Test
    void documentRoundTripsAndReformattingKeepsTheId() throws Exception {
        SignedManifest s = ManifestSigner.sign(m, List.of(Fixtures.key()));
        byte[] json = ManifestCodec.encode(s);
        assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{\"signatures\":[{\"keyid\":");
        SignedManifest back = ManifestCodec.decode(json);
        assertThat(back).isEqualTo(s);
        // whitespace is not part of the content: the same manifest, the same id
        String pretty = io.racklet.json.Json.json().readTree(json).toPrettyString();
        assertThat(ManifestCodec.decode(pretty.getBytes(StandardCharsets.UTF_8)).id()).isEqualTo(s.id());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown field|\"signed\":{|\"signed\":{\"extra\":1,|signed.extra",
            "length as a string|\"length\":1029092|\"length\":\"1029092\"|signed.initramfs.length",
            "length as a fraction|\"length\":1029092|\"length\":1029092.5|signed.initramfs.length",
            "negative length|\"length\":1029092|\"length\":-1|signed.initramfs.length",
            "missing version|,\"version\":3|''|signed.version",
            "version as a string|\"version\":3|\"version\":\"3\"|signed.version",
            "short digest|\"sha256\":\"bbbb|\"sha256\":\"bb|signed.initramfs.sha256",
            "uppercase digest|\"sha256\":\"aaaa|\"sha256\":\"AAAA|signed.kernel.sha256",
            "cmdline with a newline|console=ttyS0 quiet|console=ttyS0\\nchain http://evil|signed.cmdline",
            "cmdline with a setting|console=ttyS0 quiet|console=${net0/ip}|signed.cmdline",
            "expiry without zone|2026-01-01T00:00:00Z|2026-01-01 00:00|signed.expires",
            "wrong type|racklet.io/boot-manifest/v1|racklet.io/boot-manifest/v9|signed.type",
            "bad name|debian-cloud|Debian Cloud|signed.name",
            "number as cmdline|\"console=ttyS0 quiet\"|42|signed.cmdline",
            "short signature|\"sig\":\"|\"sig\":\"AAAA\",\"x\":\"|signatures[0]",
            "repeated field|\"version\":3|\"version\":3,\"version\":4|version",
    })
    void malformedManifestsAreRefusedNamingTheField(String what, String find, String replace, String field) throws Exception {
        String json = new String(ManifestCodec.encode(ManifestSigner.sign(m, List.of(Fixtures.key()))), StandardCharsets.UTF_8);
        assertThat(json).contains(find);
        String bad = json.replaceFirst(java.util.regex.Pattern.quote(find), java.util.regex.Matcher.quoteReplacement(replace));
        assertThatThrownBy(() -> ManifestCodec.decode(bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(BootRefusedException.class, e -> {
                    assertThat(e.refusal().reason()).isEqualTo(Refusal.Reason.MALFORMED);
                    assertThat(e.refusal().message()).as(what).contains(field);
                });
    }

    @Test
    void trailingGarbageAndOversizedDocumentsAreMalformed() throws Exception {
        byte[] json = ManifestCodec.encode(ManifestSigner.sign(m, List.of(Fixtures.key())));
        assertThatThrownBy(() -> ManifestCodec.decode((new String(json, StandardCharsets.UTF_8) + "{}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(BootRefusedException.class, e -> assertThat(e.refusal().reason()).isEqualTo(Refusal.Reason.MALFORMED));
        assertThatThrownBy(() -> ManifestCodec.decode(new byte[ManifestCodec.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(BootRefusedException.class, e -> assertThat(e.refusal().message()).contains("larger than"));
        assertThatThrownBy(() -> ManifestCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(BootRefusedException.class, e -> assertThat(e.refusal().message()).startsWith("not JSON"));
    }
}
