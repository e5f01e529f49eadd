package vn.laurel.engine.scenario;

import java.util.List;

/** The verdicts of every scenario, and the rules no scenario made fire (untested law). */
public record ScenarioReport(List<ScenarioResult> results, List<String> rulesNeverFired) {
    public long failures() { return results.stream().filter(r -> !r.passed()).count(); }

    public boolean passed() { return failures() == 0; }
}
