package vn.laurel.api.tools.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Which revision a pulled directory came from, kept beside its {@code rules/} and {@code scenarios/}
 * in {@value #FILE} (neither part of the rule set nor of its version). {@code push} bases its draft
 * on that revision, so that changes published by someone else since the pull are seen as theirs
 * (rebased, or named as conflicts when the draft is published) rather than undone by the push.
 */
public record PulledFrom(Long revision, String version) {
    public static final String FILE = ".laurel-pulled-from";

    public void writeTo(Path dir) {
        StringBuilder text = new StringBuilder("# Written by ./laurel rules pull: push bases its draft on this revision.\n");
        if (revision != null) text.append("revision=").append(revision).append('\n');
        if (version != null) text.append("version=").append(version).append('\n');
        try {
            Files.writeString(dir.resolve(FILE), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What DIR was pulled from, or null when it was not pulled (or the file was removed). */
    public static PulledFrom readFrom(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) return null;
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw CommandFailure.failed("cannot read " + file + ": " + e.getMessage());
        }
        Long revision = null;
        String r = p.getProperty("revision");
        if (r != null) {
            try {
                revision = Long.parseLong(r.strip());
            } catch (NumberFormatException e) {
                throw CommandFailure.failed(file + ": revision=" + r + " is not a number (remove the file, or give --base N)");
            }
        }
        return new PulledFrom(revision, p.getProperty("version"));
    }
}
