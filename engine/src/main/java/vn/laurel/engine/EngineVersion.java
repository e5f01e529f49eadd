package vn.laurel.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The engine's version, recorded in every decision next to the rule-set version. */
public final class EngineVersion {
    private static final String VERSION = load();

    private EngineVersion() {}

    public static String get() { return VERSION; }

    private static String load() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
