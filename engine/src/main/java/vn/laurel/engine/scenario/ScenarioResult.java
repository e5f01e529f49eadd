package vn.laurel.engine.scenario;

import java.util.List;

/**
 * One scenario file's verdict. When it fails, each mismatch names the award, the expected and the
 * actual outcome, and the criteria that decided the actual one.
 */
public record ScenarioResult(String file, String name, boolean passed, List<Mismatch> mismatches, String error) {
    public record Mismatch(String award, String expected, String actual, List<String> decidingCriteria) {}
}
