package vn.laurel.api.rules.drafts;

/** Where a draft is on its way to the rules in service. */
public enum DraftStatus {
    OPEN, PROPOSED, APPROVED, REJECTED, PUBLISHED, DISCARDED;

    /** A published or discarded draft is history: it keeps the files it ended with. */
    public boolean editable() {
        return this != PUBLISHED && this != DISCARDED;
    }

    /**
     * Whether the workbench's pages change the draft: while it is open, or once rejected (correcting it
     * opens it again, as a save through the API does). A proposed or approved draft is read-only there, so
     * that nobody changes what a reviewer is reading; the API still withdraws a proposal that way.
     */
    public boolean openForChanges() {
        return this == OPEN || this == REJECTED;
    }

    /** The status a text names, or null when it names none. */
    public static DraftStatus parse(String text) {
        for (DraftStatus s : values()) {
            if (s.name().equalsIgnoreCase(text)) return s;
        }
        return null;
    }
}
