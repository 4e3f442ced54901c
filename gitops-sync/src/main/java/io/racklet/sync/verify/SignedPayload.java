package io.racklet.sync.verify;

import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * A commit split into what its author signed (the raw commit without its {@code gpgsig} header)
 * and the signature, exactly as git and JGit split it.
 */
public record SignedPayload(byte[] data, byte[] signature) {
    private static final byte[] HEADER = "gpgsig".getBytes(StandardCharsets.US_ASCII);

    /** The commit's payload and signature, or null when the commit is not signed. */
    public static SignedPayload of(RevCommit commit) {
        byte[] signature = commit.getRawGpgSignature();
        if (signature == null) return null;
        byte[] raw = commit.getRawBuffer();
        int start = RawParseUtils.headerStart(HEADER, raw, 0);
        if (start < 0) return null;
        int end = RawParseUtils.nextLfSkippingSplitLines(raw, start); // on the header's last LF
        start -= HEADER.length + 1;
        if (end < raw.length) end++;
        byte[] data = new byte[raw.length - (end - start)];
        System.arraycopy(raw, 0, data, 0, start);
        System.arraycopy(raw, end, data, start, raw.length - end);
        return new SignedPayload(data, signature);
    }
}
