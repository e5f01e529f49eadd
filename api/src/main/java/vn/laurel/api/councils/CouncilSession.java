package vn.laurel.api.councils;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A session of a council: the achievement year it reviews, the day it was held, and how each member of the
 * council on that day took part (by member id).
 */
public record CouncilSession(long id, String council, int year, LocalDate heldOn, String note,
                             Map<Long, Attendance> attendance, Instant createdAt, String createdBy) {

    public Attendance attendanceOf(long memberId) {
        return attendance.getOrDefault(memberId, Attendance.ABSENT);
    }
}
