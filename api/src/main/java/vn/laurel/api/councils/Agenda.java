package vn.laurel.api.councils;

import java.time.LocalDate;
import java.util.List;

/**
 * A session's agenda: every candidate of the council's unit and its subunits whose outcome for an award
 * needs review, and the eligible candidates of the awards that need a ballot, as decided on {@code asOf}
 * (the year's appraisal date) by the rules in service.
 */
public record Agenda(CouncilSession session, Council council, LocalDate asOf, String rulesetVersion, List<AgendaItem> items) {}
