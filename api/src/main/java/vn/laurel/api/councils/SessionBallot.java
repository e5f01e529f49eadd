package vn.laurel.api.councils;

/** A recorded ballot with the session (and so the council and the date) it was cast at. */
public record SessionBallot(Ballot ballot, CouncilSession session) {}
