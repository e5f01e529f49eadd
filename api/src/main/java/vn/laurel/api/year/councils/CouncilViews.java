package vn.laurel.api.year.councils;

import vn.laurel.api.councils.*;
import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.engine.evaluation.CriterionOutcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.*;

/** What the councils' templates read: rows already in the page's language. */
final class CouncilViews {
    private CouncilViews() {}

    record CouncilRow(String code, String name, String unit, String unitName, long membersNow, List<SessionRow> sessions) {}

    record MemberRow(long id, int number, String name, String position, String from, String to, String attendance,
                     String attendanceText, String formValue) {}

    record SessionRow(long id, String council, String councilName, int year, String heldOn, String note) {}

    record AgendaRow(String subject, String name, String unitName, String kind, String award, String awardName, String outcome,
                     String outcomeText, List<String> waiting, List<String> other, boolean required, String threshold,
                     String thresholdReference, Long ballotId, String result, String resultText, String ballotUrl,
                     String earlierResult, String earlierText, String earlierUrl, boolean votable) {}

    record ResultRow(long id, String subject, String name, String award, String awardName, int inFavour, int against, int abstaining,
                     int noVote, int members, String share, String required, String parameter, String scope, String reference,
                     String result, String resultText, List<String> attested, List<VoteRow> votes, String castBy) {}

    record VoteRow(String member, String vote, boolean inWriting) {}

    static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    static String attendanceText(Attendance a, Map<String, String> msg) {
        return msg.getOrDefault("councils.attendance." + a.name(), a.name());
    }

    /**
     * The threshold's reference in the page's language: the service's own default from the bundle, a legal
     * text as written (the citation), followed by its confidence in words when it is not verified.
     */
    static String reference(Threshold t, ValueTexts texts, String lang, Map<String, String> msg) {
        if (t.serviceDefault()) return msg.get(Threshold.SERVICE_DEFAULT_REFERENCE);
        String r = texts.humanise(t.reference(), lang);
        String c = t.confidence();
        // A ballot recorded before the references were citations only keeps its mark inside the text.
        boolean marked = t.reference() != null && t.reference().matches("(?s).*\\b(VERIFIED|UNCONFIRMED|RECALLED)\\b.*");
        if (c == null || c.isBlank() || c.equals("VERIFIED") || r == null || marked) return r;
        return r + " (" + texts.confidence(c, lang) + ")";
    }

    /** Which value of the parameter applied, in the page's language ("national", "organisation X", "sector Y", "service default"). */
    static String scope(String scope, Map<String, String> msg) {
        if (scope == null) return "";
        if (scope.equals("national")) return msg.get("councils.scope.national");
        if (scope.equals(Threshold.SERVICE_DEFAULT)) return msg.get("councils.scope.serviceDefault");
        if (scope.startsWith("organisation ")) return msg.get("councils.scope.organisation").replace("{0}", scope.substring(13));
        if (scope.startsWith("sector ")) return msg.get("councils.scope.sector").replace("{0}", scope.substring(7));
        return scope;
    }

    /** Who cast a ballot: "Council X, session 3 held 09/01/2026". */
    static String castBy(String councilName, long sessionId, String heldOn, Map<String, String> msg) {
        return msg.get("councils.castBy").replace("{0}", councilName).replace("{1}", String.valueOf(sessionId)).replace("{2}", heldOn);
    }

    /** A choice of the agenda's filter: its value, its words (with a count, for an award), whether chosen, and its address. */
    record FilterChoice(String value, String label, long count, boolean chosen, String url) {}

    /** The agenda's filter as the page shows it: the choices of award (with counts), unit and what, and how many rows of all are shown. */
    record Filters(List<FilterChoice> awards, List<FilterChoice> units, List<FilterChoice> what, int shown, int total, String summary,
                   String allUrl) {}

    static Filters filters(List<AgendaItem> items, AgendaFilter f, int shown, long sessionId, Map<String, String> unitNames,
                           String lang, Map<String, String> msg) {
        Map<String, Long> perAward = new LinkedHashMap<>();
        Map<String, String> awardNames = new LinkedHashMap<>();
        Map<String, Long> perUnit = new TreeMap<>();
        for (AgendaItem it : items) {
            awardNames.putIfAbsent(it.award(), it.awardName().in(lang));
            if (f.matchesBesidesAward(it)) perAward.merge(it.award(), 1L, Long::sum);
            if ((f.award() == null || f.award().equals(it.award())) && AgendaFilter.is(it, f.what())) perUnit.merge(it.unit(), 1L, Long::sum);
        }
        List<FilterChoice> awards = new ArrayList<>();
        for (Map.Entry<String, String> a : awardNames.entrySet()) {
            long n = perAward.getOrDefault(a.getKey(), 0L);
            awards.add(new FilterChoice(a.getKey(), a.getValue() + " (" + n + ")", n, a.getKey().equals(f.award()),
                    url(sessionId, a.getKey(), f.unit(), f.what())));
        }
        List<FilterChoice> units = new ArrayList<>();
        perUnit.forEach((u, n) -> units.add(new FilterChoice(u, unitNames.getOrDefault(u, u) + " (" + n + ")", n, u.equals(f.unit()),
                url(sessionId, f.award(), u, f.what()))));
        if (f.unit() != null && !perUnit.containsKey(f.unit())) {
            units.add(new FilterChoice(f.unit(), unitNames.getOrDefault(f.unit(), f.unit()) + " (0)", 0, true, url(sessionId, f.award(), f.unit(), f.what())));
        }
        List<FilterChoice> what = new ArrayList<>();
        for (AgendaFilter.What w : AgendaFilter.What.values()) {
            what.add(new FilterChoice(w.param(), msg.get("councils.filter.what." + w.param()), 0, w == f.what(), url(sessionId, f.award(), f.unit(), w)));
        }
        String summary = msg.get("councils.filter.summary").replace("{0}", String.valueOf(shown)).replace("{1}", String.valueOf(items.size()));
        return new Filters(awards, units, what, shown, items.size(), summary, url(sessionId, null, null, AgendaFilter.What.ALL));
    }

    private static String url(long sessionId, String award, String unit, AgendaFilter.What what) {
        StringBuilder u = new StringBuilder("/councils/sessions/" + sessionId + "?what=" + what.param());
        if (award != null) u.append("&award=").append(enc(award));
        if (unit != null) u.append("&unit=").append(enc(unit));
        return u.append("#agenda-heading").toString();
    }

    static AgendaRow agendaRow(AgendaItem it, Map<String, String> unitNames, ValueTexts texts, String lang, Map<String, String> msg,
                               long sessionId, boolean canEdit, java.util.function.Function<String, String> councilNames) {
        List<String> waiting = it.waiting().stream().map(c -> waitingText(c, texts, lang)).toList();
        List<String> other = it.otherOpen().stream().map(c -> criterionText(c, texts, lang)).toList();
        Ballot b = it.ballot();
        String url = b == null && canEdit && AgendaFilter.votable(it) ? "/councils/sessions/" + sessionId + "/ballot?subject=" + enc(it.subjectId()) + "&award=" + enc(it.award()) : null;
        SessionBallot e = it.earlier();
        String earlierText = e == null ? null : msg.get("councils.earlier") + " " + msg.get("councils.result." + e.ballot().result()) + " ("
                + e.ballot().inFavour() + "/" + e.ballot().members() + ") — "
                + castBy(councilNames.apply(e.session().council()), e.session().id(), ValueTexts.date(e.session().heldOn(), lang), msg);
        String earlierUrl = e == null ? null : "/councils/sessions/" + e.session().id() + "#ballot-" + e.ballot().id();
        return new AgendaRow(it.subjectId(), it.name(), unitNames.getOrDefault(it.unit(), it.unit()),
                msg.get(it.person() ? "councils.kind.PERSON" : "councils.kind.COLLECTIVE"), it.award(), it.awardName().in(lang),
                it.outcome().name(), msg.getOrDefault("outcome." + it.outcome().name(), it.outcome().name()), waiting, other,
                it.ballotRequired(), it.threshold().text(), reference(it.threshold(), texts, lang, msg),
                b == null ? null : b.id(), b == null ? null : b.result(), b == null ? null : msg.get("councils.result." + b.result()), url,
                e == null ? null : e.ballot().result(), earlierText, earlierUrl, AgendaFilter.votable(it));
    }

    /** An attestation by its name; a criterion that reads several (or one a parameter names) by its sentence. */
    static String waitingText(CriterionOutcome c, ValueTexts texts, String lang) {
        String name = texts.code(c.criterion(), lang);
        return name != null ? name : criterionText(c, texts, lang);
    }

    private static String criterionText(CriterionOutcome c, ValueTexts texts, String lang) {
        String name = texts.code(c.criterion(), lang);
        String sentence = c.explanation() == null ? null : c.explanation().in(lang);
        return sentence != null ? sentence : name != null ? name : c.criterion();
    }

    static ResultRow resultRow(Ballot b, CouncilSession s, Council c, Map<Long, String> memberNames, Map<String, String> subjectNames,
                               ValueTexts texts, String lang, Map<String, String> msg) {
        int cast = b.inFavour() + b.against() + b.abstaining();
        List<VoteRow> votes = new ArrayList<>();
        b.votes().forEach((id, v) -> votes.add(new VoteRow(memberNames.getOrDefault(id, String.valueOf(id)),
                msg.getOrDefault("councils.vote." + v.name(), v.name()), s.attendanceOf(id) == Attendance.WRITTEN)));
        return new ResultRow(b.id(), b.subjectId(), subjectNames.getOrDefault(b.subjectId(), b.subjectId()), b.award(),
                texts.codeOrSelf(b.award(), lang), b.inFavour(), b.against(), b.abstaining(), b.members() - cast, b.members(),
                percent(b.share()), b.threshold().text(), b.threshold().parameter(), scope(b.threshold().scope(), msg),
                reference(b.threshold(), texts, lang, msg), b.result(), msg.get("councils.result." + b.result()),
                b.criteria().stream().map(k -> texts.codeOrSelf(k, lang)).toList(), votes,
                castBy(c.name(), s.id(), ValueTexts.date(s.heldOn(), lang), msg));
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
