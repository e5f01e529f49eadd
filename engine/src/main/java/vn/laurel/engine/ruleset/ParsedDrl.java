package vn.laurel.engine.ruleset;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.util.List;

/** A rule file read by Drools' own parser, for the checks that need a rule's extent or its parts. */
final class ParsedDrl {
    private ParsedDrl() {}

    /**
     * The parsed file, or null when it does not parse (the compiler then reports the error with its
     * line, and the checks that read parts of rules have nothing to say about it).
     */
    static PackageDescr parse(String text) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, text);
            return pkg == null || parser.hasErrors() ? null : pkg;
        } catch (DroolsParserException | RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /** The rules and queries of the file, in file order; null when it does not parse. */
    static List<RuleDescr> rules(String text) {
        PackageDescr pkg = parse(text);
        return pkg == null ? null : pkg.getRules();
    }

    /** {line, column}, both from 1, of a character offset in the text. */
    static int[] lineAndColumn(String text, int offset) {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }
}
