package vn.laurel.api.store;

import vn.laurel.engine.model.Education;

import java.util.List;
import java.util.Optional;

import static vn.laurel.api.store.Column.Type.*;
import static vn.laurel.api.store.Column.of;

/**
 * The entities facts hang on: units of the organisation tree (each also a collective subject),
 * people, enterprises and households, and emulation clusters. Corrected in place, with the previous values kept in
 * entity_revision.
 */
public final class EntityKinds {
    private EntityKinds() {}

    public static final FactKind UNITS = new FactKind("units", "org_unit", "units.csv", "unit", List.of(
            of("code", "code", TEXT).asKey().mandatory(), of("name", "name", TEXT).mandatory(),
            of("parent_code", "parent", TEXT).json("parent"), of("sector", "sector", TEXT),
            of("established_on", "established_on", DATE)));

    public static final FactKind CLUSTERS = new FactKind("clusters", "emulation_cluster", "clusters.csv", "cluster", List.of(
            of("code", "code", TEXT).asKey().mandatory(), of("name", "name", TEXT).mandatory(),
            of("kind", "kind", CODE).codes(ClusterKind.class).orElse("CLUSTER"), of("organisation", "organisation", TEXT)));

    public static final FactKind PEOPLE = new FactKind("people", "person", "people.csv", "subject", List.of(
            of("id", "id", TEXT).asKey().mandatory(), of("name", "name", TEXT).mandatory(),
            of("unit_code", "unit", TEXT).json("unit"), of("hired_on", "hired_on", DATE),
            of("manager", "manager", BOOL), of("education", "education", CODE).codes(Education.class),
            of("union_member", "union_member", BOOL), of("armed_forces", "armed_forces", BOOL),
            of("deceased_on", "deceased_on", DATE),
            // work under contract at the same agency before recruitment: counts toward a new hire's months (award-catalogue §1.4)
            of("contract_since", "contract_since", DATE).json("contractSince")));

    /**
     * Subjects that are neither people nor units (subjects.csv): enterprises (businesses, cooperatives, research
     * institutes) and households, each with the unit it belongs to (a ward, say) and its founding day.
     */
    public static final FactKind SUBJECTS = new FactKind("subjects", "subject", "subjects.csv", "subject", List.of(
            of("id", "id", TEXT).asKey().mandatory(), of("kind", "kind", CODE).mandatory().codes(OtherSubjectKind.class),
            of("name", "name", TEXT).mandatory(), of("unit_code", "unit", TEXT).json("unit"),
            of("established_on", "established_on", DATE)));

    public enum ClusterKind { CLUSTER, BLOCK }

    /** The kinds of subject subjects.csv holds (people are in people.csv, units in units.csv). */
    public enum OtherSubjectKind { ENTERPRISE, HOUSEHOLD }

    /** In the order an import merges them: units before the people and other subjects in them, clusters before their members. */
    public static final List<FactKind> ALL = List.of(UNITS, CLUSTERS, PEOPLE, SUBJECTS);

    public static Optional<FactKind> byFile(String file) {
        return ALL.stream().filter(k -> k.file().equals(file)).findFirst();
    }
}
