package vn.laurel.api.limits;

/**
 * What one import over HTTP may expand to and hold. A zip of a few megabytes can inflate to
 * gigabytes and one field or one case document can be as large as the file, so each is bounded and
 * checked while the bytes stream in: a bomb stops at the limit, never after it has been expanded.
 * Imports from the command line (an operator with the database's keys) are not bounded.
 *
 * @param expandedBytes    bytes of all files of one import, as expanded from the zip (or the body)
 * @param entryBytes       bytes of any one file, as expanded
 * @param entries          files in one zip
 * @param rows             rows of all files of one import (CSV records; JSON case documents)
 * @param fieldLength      characters in one CSV field or one JSON text value
 * @param caseDocumentBytes bytes of one case document of a JSON import
 */
public record ImportLimits(long expandedBytes, long entryBytes, int entries, long rows, int fieldLength, long caseDocumentBytes) {
    /** No limits: the command line and the demo loader, whose files are the operator's own. */
    public static final ImportLimits NONE = new ImportLimits(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE,
            Integer.MAX_VALUE, Long.MAX_VALUE);
}
