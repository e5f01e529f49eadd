package vn.laurel.engine.catalogue;

import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.Localized;

import java.util.List;

/** An award as policy staff declare it in rules/awards.yaml: its code, names and subject kinds. */
public record AwardDefinition(String code, Localized name, String category, List<SubjectKind> subjectKinds) {
    public boolean appliesTo(SubjectKind kind) { return subjectKinds.contains(kind); }
}
