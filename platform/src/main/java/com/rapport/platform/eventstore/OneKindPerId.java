package com.rapport.platform.eventstore;

import com.rapport.platform.problem.Conflict;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.modelling.command.AggregateRoot;

/**
 * Refuses to load an aggregate from events that another kind of aggregate appended under the same
 * id. All aggregates share one id space in the store, so a client that reuses a contact's id for
 * a call would otherwise get the contact's history read as a call's. The first event already
 * names its aggregate's type, so the check costs no extra query.
 */
public final class OneKindPerId<T> implements AggregateFactory<T> {

    private final AggregateFactory<T> factory;
    private final String type;

    public OneKindPerId(AggregateFactory<T> factory) {
        this.factory = factory;
        this.type = storedType(factory.getAggregateType());
    }

    @Override
    public T createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
        if (!type.equals(firstEvent.getType())) {
            throw new Conflict("Id " + aggregateIdentifier + " is already used by another kind of record");
        }
        return factory.createAggregateRoot(aggregateIdentifier, firstEvent);
    }

    @Override
    public Class<T> getAggregateType() {
        return factory.getAggregateType();
    }

    /** The type Axon stores with each event: the one the aggregate declares, else its simple name. */
    private static String storedType(Class<?> aggregateType) {
        return AnnotationUtils.findAnnotationAttributes(aggregateType, AggregateRoot.class)
                .map(attributes -> (String) attributes.get("type"))
                .filter(declared -> !declared.isEmpty())
                .orElse(aggregateType.getSimpleName());
    }
}
