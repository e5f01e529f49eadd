package vn.laurel.api.decisions;

import java.util.Map;

/**
 * What a decision was taken on. A client may ask "what if" about a real, stored person with facts of
 * its own making and keep the answer (POST /api/v1/evaluations?save=true): such a record must never
 * read as a decision on the facts in the store, in the record, the report or a search.
 */
public enum DecisionBasis {
    /** Evaluated from the facts in the store (eligibility, batches). */
    STORED_FACTS("quyết định dựa trên dữ liệu đã lưu trong hệ thống", "decided on the facts in the store"),
    /** Evaluated from a case document the requester submitted: its facts are the requester's, not the store's. */
    SUBMITTED_CASE("quyết định dựa trên hồ sơ do người yêu cầu gửi; dữ liệu không lấy từ hệ thống",
            "decided on a submitted case document: its facts were sent by the requester, not read from the store"),
    /** Saved before the basis was recorded (before V13_1): it may be either. */
    UNRECORDED("lưu trước khi ghi nhận căn cứ dữ liệu: có thể là dữ liệu đã lưu hoặc hồ sơ do người yêu cầu gửi",
            "saved before the basis was recorded: either the facts in the store or a submitted case document");

    private final String vi, en;

    DecisionBasis(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    /** The sentence shown with the record, as a {vi, en} pair the answer's language selects from. */
    public Map<String, String> sentence() {
        return Map.of("vi", vi, "en", en);
    }

    public static DecisionBasis parse(String stored) {
        try {
            return stored == null ? UNRECORDED : valueOf(stored);
        } catch (IllegalArgumentException e) {
            return UNRECORDED;
        }
    }
}
