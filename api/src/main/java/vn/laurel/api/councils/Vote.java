package vn.laurel.api.councils;

/** A member's vote on a ballot; a member of the council who cast none counts as not in favour. */
public enum Vote { FOR, AGAINST, ABSTAIN }
