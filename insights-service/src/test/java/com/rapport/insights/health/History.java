package com.rapport.insights.health;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.events.outreach.Agenda;
import com.rapport.events.outreach.Channel;
import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.Direction;
import com.rapport.events.outreach.FeedbackReceived;
import com.rapport.events.outreach.FeedbackSource;
import com.rapport.events.outreach.PitchMade;
import com.rapport.events.outreach.StaffRole;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An account's history, written the way a sales leader would tell it:
 * {@code History.opened(KEY, day(0)).connected(day(10)).voicemail(day(40))}. Every event is about
 * the same account; {@link #events()} hands them over in the order they happened, as the health
 * model expects them (and as {@code AccountHistories} reads them: by occurredAt, then by position).
 */
public final class History {

    public static final UUID ACCOUNT_ID = UUID.fromString("a11ce000-0000-4000-8000-000000000001");
    /** Day 0 of every history: a Monday morning. */
    static final Instant DAY_0 = Instant.parse("2025-01-06T09:00:00Z");

    private final List<AccountEvent> recorded = new ArrayList<>();
    private int ids;

    private History() {
    }

    /** The moment {@code n} whole days after day 0. */
    public static Instant day(long n) {
        return DAY_0.plus(Duration.ofDays(n));
    }

    public static History opened(Tier tier, Instant at) {
        return new History().record(id -> new AccountOpened(ACCOUNT_ID, "Acme Corp", tier, new BigDecimal("250000"),
                "EUR", "alice", "Europe/Amsterdam", null, at));
    }

    /** An account that agreed its own contact cadence instead of its tier's. */
    static History opened(Tier tier, int cadenceDays, Instant at) {
        return new History().record(id -> new AccountOpened(ACCOUNT_ID, "Acme Corp", tier, new BigDecimal("250000"),
                "EUR", "alice", "Europe/Amsterdam", cadenceDays, at));
    }

    History retiered(Tier tier, Instant at) {
        return record(id -> new AccountProfileChanged(ACCOUNT_ID, null, tier, null, null, null, at));
    }

    History cadenceAgreed(int cadenceDays, Instant at) {
        return record(id -> new AccountProfileChanged(ACCOUNT_ID, null, null, null, null, cadenceDays, at));
    }

    History contact(ContactOutcome outcome, Channel channel, StaffRole role, Instant at) {
        return record(id -> new ContactLogged(id, ACCOUNT_ID, channel, outcome, Direction.OUTBOUND, "alice", role,
                Agenda.CHECK_IN, null, null, at));
    }

    /** An account manager's call that reached the client. */
    public History connected(Instant at) {
        return contact(ContactOutcome.CONNECTED, Channel.CALL, StaffRole.ACCOUNT_MANAGER, at);
    }

    public History voicemail(Instant at) {
        return contact(ContactOutcome.VOICEMAIL, Channel.CALL, StaffRole.ACCOUNT_MANAGER, at);
    }

    History noAnswer(Instant at) {
        return contact(ContactOutcome.NO_ANSWER, Channel.CALL, StaffRole.ACCOUNT_MANAGER, at);
    }

    History pitch(boolean faceToFace, Instant at) {
        return record(id -> new PitchMade(id, ACCOUNT_ID, "managed backups", faceToFace, "alice", at));
    }

    /** @param nps 0..10, or null when not asked; @param doingWrong the complaint, or null */
    History feedback(Integer nps, String doingWrong, Instant at) {
        return record(id -> new FeedbackReceived(id, ACCOUNT_ID, FeedbackSource.SURVEY, null, doingWrong, null, nps,
                null, at));
    }

    History need(String need, Instant at) {
        return need(need, "Reporting in their own currency", at);
    }

    History need(String need, String description, Instant at) {
        return record(id -> new UnmetNeedRaised(needId(need), ACCOUNT_ID, description, "reporting", "check-in call",
                "alice", at));
    }

    History needAddressed(String need, Instant at) {
        return record(id -> new UnmetNeedAddressed(needId(need), ACCOUNT_ID, "shipped it", at));
    }

    History needDeclined(String need, Instant at) {
        return record(id -> new UnmetNeedDeclined(needId(need), ACCOUNT_ID, "not our business", at));
    }

    History needLostTo(String need, String competitor, Instant at) {
        return record(id -> new UnmetNeedLostToCompetitor(needId(need), ACCOUNT_ID, competitor, at));
    }

    public History competitor(String competitor, Instant at) {
        return record(id -> new CompetitorSighted(id, ACCOUNT_ID, competitor, null, "alice", at));
    }

    History lost(Instant at) {
        return record(id -> new AccountLost(ACCOUNT_ID, LossReason.NEGLECT, null, null, at));
    }

    History wonBack(Instant at) {
        return record(id -> new AccountWonBack(ACCOUNT_ID, at));
    }

    /** Applies a step written elsewhere, e.g. one row of a table: {@code history.then(row.events())}. */
    History then(UnaryOperator<History> step) {
        return step.apply(this);
    }

    /** The events in the order they happened; events of the same moment in the order they were recorded. */
    public List<AccountEvent> events() {
        return recorded.stream().sorted(Comparator.comparing(AccountEvent::occurredAt)).toList();
    }

    Optional<Assessment> assessment(Instant asOf, HealthPolicy policy) {
        return HealthModel.assess(events(), asOf, policy);
    }

    /** The assessment under the default policy; the account must be open at {@code asOf}. */
    Assessment assessedAt(Instant asOf) {
        return assessedAt(asOf, HealthPolicy.defaults());
    }

    Assessment assessedAt(Instant asOf, HealthPolicy policy) {
        return assessment(asOf, policy).orElseThrow(() -> new AssertionError("the account is not open at " + asOf));
    }

    FactorScore factorAt(Factor factor, Instant asOf) {
        return factor(assessedAt(asOf), factor);
    }

    FactorScore factorAt(Factor factor, Instant asOf, HealthPolicy policy) {
        return factor(assessedAt(asOf, policy), factor);
    }

    static FactorScore factor(Assessment assessment, Factor factor) {
        return assessment.factors().stream()
                .filter(score -> score.factor() == factor)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + factor + " in " + assessment));
    }

    private History record(Function<UUID, AccountEvent> event) {
        recorded.add(event.apply(new UUID(0xe7e7L, ++ids)));
        return this;
    }

    private static UUID needId(String need) {
        return UUID.nameUUIDFromBytes(need.getBytes(StandardCharsets.UTF_8));
    }
}
