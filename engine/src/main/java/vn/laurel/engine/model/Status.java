package vn.laurel.engine.model;

/** The status of one criterion for one subject. */
public enum Status { MET, NOT_MET, NEEDS_REVIEW }
