package vn.laurel.engine.evaluation;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.ArrayList;
import java.util.List;

/**
 * The trace: which rules fired, on which facts. Kept cheap on the hot path — references only,
 * no formatting — and rendered when the answer is built.
 */
final class FiringRecorder extends DefaultAgendaEventListener {
    record Firing(String rule, List<Object> facts) {}

    private final List<Firing> firings = new ArrayList<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firings.add(new Firing(event.getMatch().getRule().getName(), List.copyOf(event.getMatch().getObjects())));
    }

    List<Firing> firings() { return firings; }
}
