package vn.laurel.engine.criteria;

/** The status of one criterion for one subject. */
public enum Status { MET, NOT_MET, NEEDS_REVIEW }
