package vn.laurel.api.councils;

import java.time.LocalDate;
import java.util.List;

/**
 * An emulation and commendation council (hội đồng thi đua – khen thưởng) of a unit: its members are dated,
 * because a ballot's share is of all members of the council on the session's date.
 *
 * @param unit the unit whose council it is; its organisation (the root of its tree) selects the per-organisation thresholds
 */
public record Council(String code, String name, String unit, List<Member> members) {

    /** A member: {@code number} orders the members on a page; {@code to} null while still a member. */
    public record Member(long id, int number, String name, String position, LocalDate from, LocalDate to) {
        public boolean servesOn(LocalDate day) {
            return !from.isAfter(day) && (to == null || !to.isBefore(day));
        }
    }

    /** The members on a day, in their order. */
    public List<Member> membersOn(LocalDate day) {
        return members.stream().filter(m -> m.servesOn(day)).toList();
    }
}
