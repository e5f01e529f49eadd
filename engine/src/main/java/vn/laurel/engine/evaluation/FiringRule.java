package vn.laurel.engine.evaluation;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Tells the evaluation which rule's action is running, so that a rule records its check with
 * {@code $e.record(check)} alone: the award and criterion are read from that rule's metadata.
 * One per session, registered where the session is made.
 */
public final class FiringRule extends DefaultAgendaEventListener {
    private final Evaluation evaluation;

    public FiringRule(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        evaluation.firing(event.getMatch().getRule());
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        evaluation.firing(null);
    }
}
