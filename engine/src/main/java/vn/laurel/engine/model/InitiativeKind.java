package vn.laurel.engine.model;

public enum InitiativeKind { INITIATIVE, SCIENCE_PROJECT, COMBAT_INGENUITY }
