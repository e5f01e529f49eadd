package vn.laurel.api.imports.upload;

import vn.laurel.api.problem.ProblemException;

import java.nio.charset.StandardCharsets;

/**
 * The name a client gives a file ({@code ?file=} or a zip entry) becomes the name of a file in the
 * import's temporary directory and in its report, so it must be a plain name a file system takes:
 * not empty, {@code .} or {@code ..}, no directory, no control character, at most 255 bytes.
 */
final class FileNames {
    static final int MAX_BYTES = 255;

    private FileNames() {}

    /** The {@code ?file=} parameter: a plain name, nothing else. */
    static String ofParameter(String given) {
        if (given.indexOf('/') >= 0 || given.indexOf('\\') >= 0) {
            throw ProblemException.badField("file", "must be a file name such as ratings.csv, without a directory");
        }
        String problem = problem(given);
        if (problem != null) throw ProblemException.badField("file", problem);
        return given;
    }

    /** A zip entry: the last part of its path (a zipped folder keeps its files in a folder), which must be a plain name. */
    static String ofEntry(int number, String entry) {
        String name = entry.substring(Math.max(entry.lastIndexOf('/'), entry.lastIndexOf('\\')) + 1);
        String problem = problem(name);
        if (problem != null) throw ProblemException.badField("body", "file " + number + " of the zip archive, " + shown(entry) + ": " + problem);
        return name;
    }

    private static String problem(String name) {
        if (name.isBlank()) return "is empty: name the file, e.g. ratings.csv";
        if (name.equals(".") || name.equals("..")) return "\"" + name + "\" is not a file name";
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) return "contains control characters";
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) return "is longer than " + MAX_BYTES + " bytes, the longest file name";
        return null;
    }

    /** A name as a message may quote it: short, without control characters. */
    static String shown(String name) {
        String s = name.replaceAll("\\p{Cntrl}", "?");
        return "\"" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "\"";
    }
}
