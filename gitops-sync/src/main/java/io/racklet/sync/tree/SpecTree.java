package io.racklet.sync.tree;

import io.racklet.protocol.resource.RackDeclaration;
import io.racklet.protocol.resource.SpecException;
import io.racklet.protocol.resource.SpecLoader;
import io.racklet.sync.SyncRefusal;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Reads the rack spec straight from a commit's tree (never from a checkout, so nothing on disk
 * and no link can stand in for what was signed). Symbolic links and submodules are refused, as
 * are oversized files and too many files.
 */
public final class SpecTree {
    public static final int MAX_FILES = 512;

    private SpecTree() {}

    public static RackDeclaration read(Repository repo, RevCommit commit, String folder) throws SyncRefusal {
        String id = commit.name();
        Map<String, String> files = new LinkedHashMap<>();
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            if (!folder.isEmpty()) walk.setFilter(PathFilter.create(folder));
            while (walk.next()) {
                String path = walk.getPathString();
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.SYMLINK) {
                    String target = new String(repo.open(walk.getObjectId(0)).getCachedBytes(4096), StandardCharsets.UTF_8);
                    throw new SyncRefusal(id, path + " is a symbolic link (to '" + target + "'); links are refused, "
                            + "so no file can point outside the repository");
                }
                if (mode == FileMode.GITLINK) throw new SyncRefusal(id, path + " is a submodule; the rack spec must live in the repository itself");
                if (!(path.endsWith(".yaml") || path.endsWith(".yml")) || hidden(path)) continue;
                if (files.size() == MAX_FILES) throw new SyncRefusal(id, "more than " + MAX_FILES + " spec files");
                ObjectLoader blob = repo.open(walk.getObjectId(0));
                if (blob.getSize() > SpecLoader.MAX_FILE_BYTES) {
                    throw new SyncRefusal(id, path + " is " + blob.getSize() + " bytes, more than the " + SpecLoader.MAX_FILE_BYTES + " allowed");
                }
                files.put(path, utf8(id, path, blob.getCachedBytes((int) SpecLoader.MAX_FILE_BYTES)));
            }
        } catch (IOException e) {
            throw new SyncRefusal(id, "cannot read the commit's files: " + e.getMessage());
        }
        if (files.isEmpty()) throw new SyncRefusal(id, "no .yaml files" + (folder.isEmpty() ? "" : " under " + folder + "/"));
        try {
            return SpecLoader.parse(id, files);
        } catch (SpecException e) {
            throw new SyncRefusal(id, "the rack spec is invalid:\n" + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new SyncRefusal(id, "the rack spec is invalid: " + e.getMessage());
        }
    }

    private static boolean hidden(String path) {
        for (String part : path.split("/")) {
            if (part.startsWith(".")) return true; // .github/ workflows and the like are not the rack
        }
        return false;
    }

    private static String utf8(String commit, String path, byte[] bytes) throws SyncRefusal {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SyncRefusal(commit, path + " is not UTF-8 text");
        }
    }
}
