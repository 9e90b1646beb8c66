package com.rapport.outreach.need;

import com.rapport.events.AccountEvent;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;
import com.rapport.outreach.recording.Recording;
import com.rapport.platform.problem.NotFound;
import com.rapport.platform.web.EventClock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An unmet need and its end. It guards that a need is raised for an account we still have and
 * is ended once (addressed, declined or lost to a competitor), not before it was raised.
 */
@Aggregate
public class UnmetNeed {

    @AggregateIdentifier
    private UUID needId;
    private UnmetNeedRaised raised;
    private AccountEvent ending;

    protected UnmetNeed() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RaiseUnmetNeed command) {
        if (raised == null) {
            command.account().requireActive("an unmet need");
            apply(command.recordedAt(command.account().dated(command.occurredAt(), command.receivedAt())));
        } else {
            Recording.requireRetry("Unmet need " + needId, raised, command.occurredAt(), command::recordedAt);
        }
    }

    @CommandHandler
    public void handle(ResolveUnmetNeed command) {
        if (raised == null) {
            throw new NotFound("No unmet need with id " + command.needId() + " was raised");
        }
        if (ending == null) {
            apply(command.recordedAt(raised.accountId(), EventClock.datedAfter(command.occurredAt(), command.receivedAt(),
                    raised.occurredAt(), "NotBeforeRaised", "the need was raised")));
        } else {
            Recording.requireRetry("The end of unmet need " + needId, ending, command.occurredAt(),
                    at -> command.recordedAt(raised.accountId(), at));
        }
    }

    @EventSourcingHandler
    void on(UnmetNeedRaised event) {
        needId = event.needId();
        raised = event;
    }

    @EventSourcingHandler
    void on(UnmetNeedAddressed event) {
        ending = event;
    }

    @EventSourcingHandler
    void on(UnmetNeedDeclined event) {
        ending = event;
    }

    @EventSourcingHandler
    void on(UnmetNeedLostToCompetitor event) {
        ending = event;
    }
}
