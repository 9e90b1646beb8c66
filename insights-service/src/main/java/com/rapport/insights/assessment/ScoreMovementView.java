package com.rapport.insights.assessment;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;
import com.rapport.events.PublishedLanguage;
import com.rapport.events.insights.HealthBand;
import com.rapport.insights.health.ScoreMovement;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Why an account's score moved, as the HTTP API shapes it: points to one decimal, factors by the contract's keys,
 * events by their stable external names.
 *
 * @param weightedFrom the weighted average of the sub-scores at {@code from}: the factors' points add up to its change
 * @param cappedFrom   the score at {@code from} is held below HEALTHY, under its weighted average, by a weighty
 *                     factor at 0
 */
record ScoreMovementView(UUID accountId, Instant from, Instant to, int scoreFrom, int scoreTo, HealthBand bandFrom,
                         HealthBand bandTo, double weightedFrom, double weightedTo, boolean cappedFrom, boolean cappedTo,
                         List<FactorView> factors, List<StepView> steps, List<TimeView> time) {

    /** @param points its part in the change of the score */
    record FactorView(String factor, int scoreFrom, int scoreTo, int weightFrom, int weightTo, double points,
                      String reasonFrom, String reasonTo) {
    }

    /** @param id the event's own id (a contact's, a need's), null for an event of the account itself */
    record StepView(Instant occurredAt, String type, UUID id, String summary, List<MoveView> factors) {
    }

    record MoveView(String factor, int scoreFrom, int scoreTo, double points) {
    }

    record TimeView(String factor, double points) {
    }

    static ScoreMovementView of(ScoreMovement movement) {
        return new ScoreMovementView(movement.to().accountId(), movement.from().asOf(), movement.to().asOf(),
                movement.from().score(), movement.to().score(), movement.from().band(), movement.to().band(),
                tenths(ScoreMovement.weighted(movement.from())), tenths(ScoreMovement.weighted(movement.to())),
                ScoreMovement.capped(movement.from()), ScoreMovement.capped(movement.to()),
                movement.factors().stream().map(factor -> new FactorView(factor.factor().key(), factor.from().score(),
                        factor.to().score(), factor.from().weight(), factor.to().weight(), tenths(factor.points()),
                        factor.from().reason(), factor.to().reason())).toList(),
                movement.steps().stream().map(step -> new StepView(step.event().occurredAt(), type(step.event()),
                        id(step.event()), step.summary(), step.moves().stream().map(move -> new MoveView(
                                move.factor().key(), move.scoreBefore(), move.scoreAfter(), tenths(move.points()))).toList()))
                        .toList(),
                movement.time().stream().map(drift -> new TimeView(drift.factor().key(), tenths(drift.points()))).toList());
    }

    private static String type(AccountEvent event) {
        return PublishedLanguage.describe(event.getClass()).map(EventType::name).orElse(event.getClass().getSimpleName());
    }

    /** What the event is about (a contact, a pitch, a need): its first UUID besides the account's. */
    private static UUID id(AccountEvent event) {
        for (RecordComponent field : event.getClass().getRecordComponents()) {
            if (field.getType() == UUID.class && !field.getName().equals("accountId")) {
                try {
                    return (UUID) field.getAccessor().invoke(event);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("Cannot read " + field.getName() + " of " + event, e);
                }
            }
        }
        return null;
    }

    private static double tenths(double points) {
        return Math.round(points * 10) / 10.0;
    }
}
