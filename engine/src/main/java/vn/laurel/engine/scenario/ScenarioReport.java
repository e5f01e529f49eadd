package vn.laurel.engine.scenario;

import java.util.List;

/**
 * The verdicts of every scenario, and the rules no scenario made fire (untested law).
 *
 * @param folderProblem set when there was nothing to run (the folder is missing or holds no scenario):
 *                      a rule set that no scenario exercises is not checked, so this fails the check
 */
public record ScenarioReport(List<ScenarioResult> results, List<String> rulesNeverFired, String folderProblem) {
    public long failures() { return results.stream().filter(r -> !r.passed()).count(); }

    public boolean passed() { return folderProblem == null && failures() == 0; }
}
