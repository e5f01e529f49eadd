package vn.laurel.api.clusters;

import jakarta.inject.Singleton;
import vn.laurel.api.i18n.Messages;

import java.util.List;

/** The clusters bundle's sentences with their values filled in ({0}, {1}…), in Vietnamese or English. */
@Singleton
public class ClusterTexts {
    private final Messages messages;

    public ClusterTexts(Messages messages) {
        this.messages = messages;
    }

    public String text(String lang, String key, List<Object> args) {
        // Not MessageFormat: an English apostrophe ("cluster's") would start a quoted part there.
        String t = messages.text(lang, key);
        for (int i = 0; i < args.size(); i++) t = t.replace("{" + i + "}", String.valueOf(args.get(i)));
        return t;
    }

    public String text(String lang, String key, Object... args) {
        return text(lang, key, List.of(args));
    }

    /** The whole refusal in one sentence: what, then each fault with its row and field. */
    public String detail(String lang, ReviewRefused e) {
        StringBuilder sb = new StringBuilder(text(lang, e.key(), e.args()));
        for (ReviewRefused.Fault f : e.faults()) {
            if (f.key().equals(e.key()) && e.faults().size() == 1) break;
            sb.append(sb.isEmpty() ? "" : " ").append(fault(lang, f)).append(';');
        }
        return sb.toString();
    }

    public String fault(String lang, ReviewRefused.Fault f) {
        String where = f.row() == null ? f.field() : text(lang, "clusters.error.at", f.row(), f.field());
        return where + ": " + text(lang, f.key(), f.args());
    }
}
