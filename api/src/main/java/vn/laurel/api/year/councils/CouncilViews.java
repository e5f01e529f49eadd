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
                     String earlierResult, String earlierText, String earlierUrl) {}

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

    /** The threshold's reference in the page's language: the service's own default from the bundle, a legal text as written. */
    static String reference(Threshold t, ValueTexts texts, String lang, Map<String, String> msg) {
        return t.serviceDefault() ? msg.get(Threshold.SERVICE_DEFAULT_REFERENCE) : texts.humanise(t.reference(), lang);
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

    static AgendaRow agendaRow(AgendaItem it, Map<String, String> unitNames, ValueTexts texts, String lang, Map<String, String> msg,
                               long sessionId, boolean canEdit, java.util.function.Function<String, String> councilNames) {
        List<String> waiting = it.waiting().stream().map(c -> waitingText(c, texts, lang)).toList();
        List<String> other = it.otherOpen().stream().map(c -> criterionText(c, texts, lang)).toList();
        Ballot b = it.ballot();
        String url = b == null && canEdit ? "/councils/sessions/" + sessionId + "/ballot?subject=" + enc(it.subjectId()) + "&award=" + enc(it.award()) : null;
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
                e == null ? null : e.ballot().result(), earlierText, earlierUrl);
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
