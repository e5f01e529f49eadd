package vn.laurel.engine.history;

import vn.laurel.engine.model.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A small builder for subjects in tests: reads like the history it describes. */
final class Facts {
    private final String id;
    private SubjectKind kind = SubjectKind.PERSON;
    private LocalDate hiredOn = LocalDate.of(2010, 1, 1);
    private final List<RatingFact> ratings = new ArrayList<>();
    private final List<TitleFact> titles = new ArrayList<>();
    private final List<CommendationFact> commendations = new ArrayList<>();
    private final List<InitiativeFact> initiatives = new ArrayList<>();
    private final List<DisciplineFact> disciplines = new ArrayList<>();
    private final List<MemberAggregateFact> aggregates = new ArrayList<>();
    private final List<ClusterRankingFact> rankings = new ArrayList<>();
    private final List<AttestationFact> attestations = new ArrayList<>();

    private Facts(String id) { this.id = id; }

    static Facts person(String id) { return new Facts(id); }

    static Facts unit(String id) {
        Facts f = new Facts(id);
        f.kind = SubjectKind.COLLECTIVE;
        return f;
    }

    Facts hired(String date) { hiredOn = LocalDate.parse(date); return this; }

    private LocalDate contractSince;

    Facts contractSince(String date) { contractSince = LocalDate.parse(date); return this; }

    Facts rated(Rating r, int... years) {
        for (int y : years) ratings.add(new RatingFact(y, r, "rating:" + y, "test"));
        return this;
    }

    Facts title(String code, int... years) {
        for (int y : years) titles.add(new TitleFact(y, code, null, null, false, "title:" + code + ":" + y, "test"));
        return this;
    }

    Facts revokedTitle(String code, int year) {
        titles.add(new TitleFact(year, code, null, null, true, "title:revoked:" + year, "test"));
        return this;
    }

    Facts commendation(String code, CommendationKind kind, int year) {
        commendations.add(new CommendationFact(year, code, kind, null, null, false, "commendation:" + year, "test"));
        return this;
    }

    Facts initiative(int year, InitiativeLevel level, Long benefit) {
        initiatives.add(new InitiativeFact(year, level, InitiativeKind.INITIATIVE, benefit, null, "initiative:" + year, "test"));
        return this;
    }

    Facts discipline(DisciplineForm form, String on, String until) {
        disciplines.add(new DisciplineFact(form, null, LocalDate.parse(on), until == null ? null : LocalDate.parse(until), null, "d", "test"));
        return this;
    }

    Facts aggregate(int year, int members, Integer advancedLaborers, Integer grassroots, Integer completed, Integer disciplined) {
        aggregates.add(new MemberAggregateFact(year, members, advancedLaborers, null, grassroots, completed, disciplined, "agg", "test"));
        return this;
    }

    Facts ranked(int year, int rank) {
        rankings.add(new ClusterRankingFact(year, "CLUSTER-1", rank, null, "rank", "test"));
        return this;
    }

    Facts ranked(int year, int rank, boolean leads) {
        rankings.add(new ClusterRankingFact(year, "CLUSTER-1", rank, leads, "rank", "test"));
        return this;
    }

    Facts attested(String criterion, int year, boolean value) {
        attestations.add(new AttestationFact(year, criterion, value, "council", null, "att", "test"));
        return this;
    }

    Subject subject() {
        return new Subject(id, kind, id, null, hiredOn, null, null, null, null, ratings, titles, commendations,
                initiatives, disciplines, null, attestations, aggregates, rankings, null, contractSince);
    }

    History history() { return new History(subject()); }
}
