package vn.laurel.engine.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule-set version: a SHA-256 over the relative path and bytes of every rule and parameter
 * file, in path order. The same files always give the same version, whatever machine loads them.
 */
final class ContentHash {
    private ContentHash() {}

    static String of(Path root, List<Path> files) {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                contents.put(RulesDirectory.relative(root, file), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return of(contents);
    }

    /** The same hash over files already read: relative path to bytes, in the map's order. */
    static String of(Map<String, byte[]> contents) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            contents.forEach((name, bytes) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bytes);
                digest.update((byte) 0);
            });
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
