package vn.laurel.api.councils;

/** How a member took part in a session: present, absent but voting in writing, or absent without a vote. */
public enum Attendance { PRESENT, WRITTEN, ABSENT }
