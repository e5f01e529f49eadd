package vn.laurel.engine.model;

/** A discipline already decided, or a matter still pending (consideration, investigation, trial). */
public enum DisciplineStatus { DECIDED, PENDING }
