package vn.laurel.engine.model;

public enum Education { COLLEGE_OR_BELOW, UNIVERSITY, POSTGRADUATE }
