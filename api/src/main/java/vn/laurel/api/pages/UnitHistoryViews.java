package vn.laurel.api.pages;

import jakarta.inject.Singleton;
import vn.laurel.api.i18n.Messages;
import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.engine.model.Predecessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A unit's organisation history as its page shows it (issue 21, "Lịch sử tổ chức"): the dated events that name the
 * unit, each said from the unit's side (its own: "merged into X"; another's naming it: "received a merged unit X"),
 * and its predecessors with theirs, each linked to its page when the reader may open it.
 */
@Singleton
public class UnitHistoryViews {
    /**
     * An event as a row of the history table.
     *
     * @param other     the other unit of the event (the unit merged into, the unit received…), null when none
     * @param otherHref its page, null when the reader may not open it
     */
    public record Event(String factId, String date, String text, String other, String otherName, String otherHref, String details,
                        String source) {}

    /** A predecessor: the unit, how and when it became one, and its own predecessors. */
    public record PredecessorView(String code, String name, String href, String relation, String details, String source,
                                  List<PredecessorView> predecessors) {}

    private final Messages messages;
    private final ValueTexts values;

    public UnitHistoryViews(Messages messages, ValueTexts values) {
        this.messages = messages;
        this.values = values;
    }

    /**
     * @param visible the units the reader may see; empty: all of them
     * @param year    the year the links keep
     */
    public List<Event> events(String code, List<UnitDirectory.Event> events, Optional<Set<String>> visible, int year, String lang) {
        List<Event> out = new ArrayList<>();
        for (UnitDirectory.Event e : events) {
            boolean own = code.equals(e.unit());
            String text = own ? messages.text(lang, "units.history.own." + e.event()).replace("{0}", e.name() == null ? "" : e.name())
                    : messages.text(lang, "units.history.in." + e.event());
            String other = own ? e.other() : e.unit(), otherName = own ? e.otherName() : e.unitName();
            out.add(new Event(e.id(), ValueTexts.date(e.on(), lang), text, other, otherName == null ? other : otherName,
                    href(other, visible, year), details(e.members(), e.continues(), lang), values.source(e.source(), lang)));
        }
        return out;
    }

    public List<PredecessorView> predecessors(List<Predecessor> predecessors, Optional<Set<String>> visible, int year, String lang) {
        List<PredecessorView> out = new ArrayList<>();
        for (Predecessor p : predecessors) {
            if (p.unit() == null) continue;
            String relation = p.relation() == null ? "" : messages.text(lang, "units.predecessor." + p.relation().name())
                    .replace("{0}", ValueTexts.date(p.on(), lang));
            out.add(new PredecessorView(p.unit().id(), p.unit().name() == null ? p.unit().id() : p.unit().name(),
                    href(p.unit().id(), visible, year), relation, details(p.members(), p.continues(), lang), values.source(p.source(), lang),
                    predecessors(p.unit().predecessors(), visible, year, lang)));
        }
        return out;
    }

    private String details(Integer members, Boolean continues, String lang) {
        StringJoiner j = new StringJoiner("; ");
        if (members != null) j.add(messages.text(lang, "units.history.members").replace("{0}", values.number(members, lang)));
        if (continues != null) j.add(messages.text(lang, continues ? "units.history.continues" : "units.history.notContinues"));
        return j.toString();
    }

    private static String href(String code, Optional<Set<String>> visible, int year) {
        if (code == null || visible.isPresent() && !visible.get().contains(code)) return null;
        return UnitViews.path(code, year);
    }
}
