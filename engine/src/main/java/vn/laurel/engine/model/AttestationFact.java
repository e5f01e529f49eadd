package vn.laurel.engine.model;

import java.time.LocalDate;

/** A human judgment asserted for a year: a criterion that no data can decide. */
public record AttestationFact(Integer year, String criterion, Boolean value, String attestedBy, LocalDate attestedOn,
                              String id, String source) implements Fact {
    public String factType() { return "attestation"; }
    public String summary() { return year + " " + criterion + "=" + value; }
}
