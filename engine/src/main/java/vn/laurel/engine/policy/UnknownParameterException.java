package vn.laurel.engine.policy;

/** A rule asked for a parameter that no parameter file defines, or that has no value on the date. */
public class UnknownParameterException extends RuntimeException {
    public UnknownParameterException(String message) { super(message); }
}
