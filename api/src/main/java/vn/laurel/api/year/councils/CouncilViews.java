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
                     String thresholdReference, Long ballotId, String result, String resultText, String ballotUrl) {}

    record ResultRow(long id, String subject, String name, String award, String awardName, int inFavour, int against, int abstaining,
                     int noVote, int members, String share, String required, String parameter, String scope, String reference,
                     String result, String resultText, List<String> attested, List<VoteRow> votes) {}

    record VoteRow(String member, String vote, boolean inWriting) {}

    static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    static String attendanceText(Attendance a, Map<String, String> msg) {
        return msg.getOrDefault("councils.attendance." + a.name(), a.name());
    }

    static AgendaRow agendaRow(AgendaItem it, Map<String, String> unitNames, ValueTexts texts, String lang, Map<String, String> msg,
                               long sessionId, boolean canEdit) {
        List<String> waiting = it.waiting().stream().map(c -> waitingText(c, texts, lang)).toList();
        List<String> other = it.otherOpen().stream().map(c -> criterionText(c, texts, lang)).toList();
        Ballot b = it.ballot();
        String url = b == null && canEdit ? "/councils/sessions/" + sessionId + "/ballot?subject=" + enc(it.subjectId()) + "&award=" + enc(it.award()) : null;
        return new AgendaRow(it.subjectId(), it.name(), unitNames.getOrDefault(it.unit(), it.unit()),
                msg.get(it.person() ? "councils.kind.PERSON" : "councils.kind.COLLECTIVE"), it.award(), it.awardName().in(lang),
                it.outcome().name(), msg.getOrDefault("outcome." + it.outcome().name(), it.outcome().name()), waiting, other,
                it.ballotRequired(), it.threshold().text(), texts.humanise(it.threshold().reference(), lang),
                b == null ? null : b.id(), b == null ? null : b.result(), b == null ? null : msg.get("councils.result." + b.result()), url);
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

    static ResultRow resultRow(Ballot b, CouncilSession s, Map<Long, String> memberNames, Map<String, String> subjectNames,
                               ValueTexts texts, String lang, Map<String, String> msg) {
        int cast = b.inFavour() + b.against() + b.abstaining();
        List<VoteRow> votes = new ArrayList<>();
        b.votes().forEach((id, v) -> votes.add(new VoteRow(memberNames.getOrDefault(id, String.valueOf(id)),
                msg.getOrDefault("councils.vote." + v.name(), v.name()), s.attendanceOf(id) == Attendance.WRITTEN)));
        return new ResultRow(b.id(), b.subjectId(), subjectNames.getOrDefault(b.subjectId(), b.subjectId()), b.award(),
                texts.codeOrSelf(b.award(), lang), b.inFavour(), b.against(), b.abstaining(), b.members() - cast, b.members(),
                percent(b.share()), b.threshold().text(), b.threshold().parameter(), b.threshold().scope(),
                texts.humanise(b.threshold().reference(), lang), b.result(), msg.get("councils.result." + b.result()),
                b.criteria().stream().map(c -> texts.codeOrSelf(c, lang)).toList(), votes);
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
