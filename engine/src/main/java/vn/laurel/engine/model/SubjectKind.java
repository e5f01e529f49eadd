package vn.laurel.engine.model;

/** Who an award is for: a person, or a collective (unit, department, enterprise). */
public enum SubjectKind { PERSON, COLLECTIVE }
