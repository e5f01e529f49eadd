package vn.laurel.api.rules.drafts;

/** Where a draft is on its way to the rules in service. */
public enum DraftStatus {
    OPEN, PROPOSED, APPROVED, REJECTED, PUBLISHED, DISCARDED;

    /** A published or discarded draft is history: it keeps the files it ended with. */
    public boolean editable() {
        return this != PUBLISHED && this != DISCARDED;
    }

    /** The status a text names, or null when it names none. */
    public static DraftStatus parse(String text) {
        for (DraftStatus s : values()) {
            if (s.name().equalsIgnoreCase(text)) return s;
        }
        return null;
    }
}
