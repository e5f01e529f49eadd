package vn.laurel.engine.model;

/** The organisation a case is evaluated for; selects per-organisation and per-sector parameters. */
public record Organisation(String code, String sector) {}
