package com.rapport.insights.backtest;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
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
import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.events.outreach.PitchMade;
import com.rapport.events.outreach.PitchOutcome;
import com.rapport.events.outreach.PitchOutcomeRecorded;
import com.rapport.events.outreach.StaffRole;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedRaised;
import com.rapport.events.outreach.WinBackChance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * One generated account's history, told day by day: a plan first (tier, opening, drift, loss), then each
 * routine of the relationship in turn (contacts, pitches, surveys, complaints, needs, competitors) as the
 * attention of that day allows, then what the archetype adds (the drift's signs, the win-back, the loss).
 * Days count from the history's first day; every event falls in working hours of a day before {@code now}.
 */
final class AccountStory {

    /** The chance that a call connects when nothing is wrong. */
    private static final double CONNECTS = 0.8;
    /** At a drift's full intensity, calls connect this rarely. */
    private static final double CONNECTS_AT_WORST = 0.25;

    private static final List<String> NAME_STARTS = List.of("Acme", "Arbor", "Beacon", "Cobalt", "Delta", "Ember",
            "Fjord", "Granite", "Harbor", "Iris", "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchid",
            "Pioneer", "Quarry", "Ridge", "Summit", "Tundra", "Umber", "Vertex", "Willow");
    private static final List<String> NAME_ENDS = List.of("Logistics", "Foods", "Health", "Energy", "Retail",
            "Insurance", "Media", "Systems", "Textiles", "Partners");
    private static final List<String> OWNERS = List.of("alice", "bruno", "chen", "dana", "emeka", "farah");
    private static final List<String> EXECUTIVES = List.of("grace", "hiro");
    private static final List<String> RIVALS = List.of("Globex", "Initech", "Umbrella Group", "Hooli", "Vandelay Industries");
    private static final List<String> TIMEZONES = List.of("Europe/Paris", "Europe/London", "America/New_York",
            "America/Chicago", "Asia/Singapore", "Australia/Sydney");
    private static final List<String> OFFERINGS = List.of("Managed backups", "Analytics dashboards", "Premium support",
            "Training days", "Data migration", "Security review");
    private static final List<String> PRAISE = List.of("Quick answers from our account manager",
            "The quarterly reviews are useful", "Delivery on time", "Knows our business");
    private static final List<String> IMPROVEMENTS = List.of("Send the reports earlier", "Fewer handovers between teams",
            "Clearer invoices", "More notice before changes");
    private static final List<String> COMPLAINTS = List.of("Invoices were wrong twice this quarter",
            "The last delivery was late and nobody told us", "Support took a week to answer",
            "The new release broke our export");
    private static final List<String> NEEDS = List.of("reporting:Monthly usage report by site",
            "integration:Export to their ERP", "service:Weekend support cover", "training:Onboarding for new staff",
            "pricing:Volume pricing for a second division");

    private final FirmParameters parameters;
    private final SplittableRandom random;
    private final Instant day0;
    private final int lastDay;
    private final int index;
    private final Archetype archetype;
    private final UUID accountId;
    private final Tier tier;
    private final int cadence;
    private final String owner;
    private final String rival;
    private final List<AccountEvent> events = new ArrayList<>();
    /** Open needs by id, with the day each was raised. */
    private final Map<UUID, Integer> openNeeds = new LinkedHashMap<>();
    private final Map<Symptom, Integer> onsets = new EnumMap<>(Symptom.class);
    private int ids;

    private int openedDay;
    /** The drift's first day and the day it ends (the loss, or the attention that wins the client back); null without one. */
    private Integer driftStart;
    private Integer driftEnd;
    private double intensity;
    private Integer lossDay;
    private LossReason lossReason;
    private int quietStart;
    private int quietLength;
    private Instant recoveredAt;
    private Instant lostAt;

    private AccountStory(FirmParameters parameters, int index, Archetype archetype, SplittableRandom random) {
        this.parameters = parameters;
        this.random = random;
        this.index = index;
        this.archetype = archetype;
        int days = 365 * parameters.years();
        this.day0 = parameters.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days));
        this.lastDay = days - 1;
        this.accountId = id();
        this.tier = tier();
        this.cadence = switch (tier) {
            case STRATEGIC -> 7;
            case KEY -> 30;
            case CORE -> 90;
            case LONG_TAIL -> 180;
        };
        this.owner = pick(OWNERS);
        this.rival = pick(RIVALS);
    }

    static GeneratedAccount tell(FirmParameters parameters, int index, Archetype archetype, SplittableRandom random) {
        return new AccountStory(parameters, index, archetype, random).told();
    }

    private GeneratedAccount told() {
        plan();
        open();
        contacts();
        pitches();
        surveys();
        complaints();
        needs();
        sightings();
        driftSigns();
        winBack();
        loss();
        // stable: the opening stays first, and what one routine did on a day keeps its order
        events.sort(Comparator.comparing(AccountEvent::occurredAt));
        AccountOpened opening = (AccountOpened) events.get(0);
        return new GeneratedAccount(new GroundTruth(accountId, opening.name(), tier, archetype, opening.occurredAt(),
                driftStart == null ? null : startOf(driftStart), onsets.keySet(), recoveredAt, lostAt, lossReason), events);
    }

    // --- the plan -------------------------------------------------------------------------------

    private Tier tier() {
        double draw = random.nextDouble();
        return draw < 0.10 ? Tier.STRATEGIC : draw < 0.35 ? Tier.KEY : draw < 0.75 ? Tier.CORE : Tier.LONG_TAIL;
    }

    private void plan() {
        openedDay = archetype == Archetype.ONBOARDING ? lastDay - between(45, 150) : between(0, 60);
        // a loss a week before now at the latest, so that its aftermath has begun
        int latestLoss = lastDay - 7;
        switch (archetype) {
            case DRIFT_LOST -> {
                drift(latestLoss);
                lossDay = driftEnd;
                lossReason = driftLossReason();
            }
            // the win-back at least six weeks before now, so that the history shows it
            case DRIFT_WON_BACK -> drift(lastDay - 42);
            case SUDDEN_LOSS -> {
                int healthy = Math.min(365, (latestLoss - openedDay) * 2 / 3);
                lossDay = between(openedDay + healthy, latestLoss);
                lossReason = random.nextBoolean() ? LossReason.BUDGET_CUT : LossReason.CHAMPION_LEFT;
            }
            case SEASONAL_QUIET -> {
                quietStart = between(0, 364);
                quietLength = between(42, 56);
            }
            case STEADY, ONBOARDING -> {
            }
        }
    }

    /** A drift ending by {@code latestEnd}, after a calm first stretch (half a year when the history allows). */
    private void drift(int latestEnd) {
        int length = between(parameters.driftMinDays(), parameters.driftMaxDays());
        int earliestStart = openedDay + Math.min(180, (latestEnd - openedDay) / 3);
        if (latestEnd - length >= earliestStart) {
            driftStart = between(earliestStart, latestEnd - length);
        } else {
            length = Math.max(parameters.driftMinDays(), latestEnd - earliestStart);
            driftStart = Math.max(openedDay + 14, latestEnd - length);
        }
        driftEnd = Math.min(driftStart + length, latestEnd);
        intensity = 0.2 + 0.8 * random.nextDouble();
        for (Symptom symptom : Symptom.values()) {
            if (random.nextDouble() < parameters.symptomChances().getOrDefault(symptom, 0.0)) {
                onsets.put(symptom, driftStart + (int) (random.nextDouble() * 0.5 * (driftEnd - driftStart)));
            }
        }
        if (onsets.isEmpty()) {
            onsets.put(Symptom.FEWER_CONTACTS, driftStart);
        }
    }

    /** What the client names when it leaves: one of the things the drift showed, or the price. */
    private LossReason driftLossReason() {
        List<LossReason> reasons = new ArrayList<>(List.of(LossReason.PRICE));
        for (Symptom symptom : onsets.keySet()) {
            reasons.add(switch (symptom) {
                case FEWER_CONTACTS, FACE_TIME_STOPPED, EXECUTIVE_TOUCH_STOPPED -> LossReason.NEGLECT;
                case UNANSWERED_ATTEMPTS -> LossReason.UNRESPONSIVE;
                case DETRACTOR_SCORES, UNANSWERED_COMPLAINT -> LossReason.QUALITY;
                case NEEDS_LEFT_OPEN -> LossReason.UNMET_NEED;
                case COMPETITOR_SEEN -> LossReason.COMPETITOR_OFFER;
            });
        }
        return pick(reasons);
    }

    // --- the routines ---------------------------------------------------------------------------

    /** How much attention the account gets on a day. */
    private record Attention(double intervalFactor, double connects, boolean faceToFace, boolean executive,
                             boolean quiet) {
    }

    private Attention attentionOn(int day) {
        double interval = 1;
        if (archetype == Archetype.ONBOARDING) {
            interval = 1.5 - 0.5 * Math.min(1, (day - openedDay) / 90.0);
        }
        boolean quiet = archetype == Archetype.SEASONAL_QUIET && Math.floorMod(day - quietStart, 365) < quietLength;
        if (quiet) {
            interval = 4;
        }
        // the contact rate falls with the drift, at full intensity to a tenth of what it was
        interval /= 1 - 0.9 * intensity * progress(Symptom.FEWER_CONTACTS, day);
        double connects = CONNECTS - (CONNECTS - CONNECTS_AT_WORST) * intensity * progress(Symptom.UNANSWERED_ATTEMPTS, day);
        return new Attention(interval, connects, !shows(Symptom.FACE_TIME_STOPPED, day),
                !shows(Symptom.EXECUTIVE_TOUCH_STOPPED, day), quiet);
    }

    private boolean drifting(int day) {
        return driftStart != null && day >= driftStart && day < driftEnd;
    }

    private boolean shows(Symptom symptom, int day) {
        Integer onset = onsets.get(symptom);
        return onset != null && drifting(day) && day >= onset;
    }

    /** 0 before the symptom's onset, growing to 1 at the drift's end. */
    private double progress(Symptom symptom, int day) {
        if (!shows(symptom, day)) {
            return 0;
        }
        int onset = onsets.get(symptom);
        return (day - onset + 1.0) / (driftEnd - onset);
    }

    private void open() {
        BigDecimal value = BigDecimal.valueOf(switch (tier) {
            case STRATEGIC -> between(500, 2000);
            case KEY -> between(100, 500);
            case CORE -> between(20, 100);
            case LONG_TAIL -> between(2, 20);
        } * 1000L);
        add(new AccountOpened(accountId, name(), tier, value, "EUR", owner, pick(TIMEZONES), null, at(openedDay)));
        if (archetype == Archetype.ONBOARDING) {
            int kickOff = openedDay + between(1, 3);
            add(contact(kickOff, Channel.MEETING, ContactOutcome.CONNECTED, Direction.OUTBOUND,
                    tier == Tier.STRATEGIC || tier == Tier.KEY ? StaffRole.EXECUTIVE : StaffRole.ACCOUNT_MANAGER,
                    Agenda.REVIEW, "Kick-off meeting"));
        }
    }

    /**
     * At about the cadence, a little early on average. A call that does not connect is tried again within days,
     * twice; after a third attempt in vain the next try waits for the next round.
     */
    private void contacts() {
        int day = openedDay + between(1, Math.max(1, cadence / 3));
        int inVain = 0;
        while (active(day)) {
            Attention attention = attentionOn(day);
            if (random.nextDouble() < attention.connects()) {
                connected(day, attention);
                inVain = 0;
            } else {
                add(contact(day, Channel.CALL, random.nextDouble() < 0.6 ? ContactOutcome.VOICEMAIL : ContactOutcome.NO_ANSWER,
                        Direction.OUTBOUND, StaffRole.ACCOUNT_MANAGER, Agenda.CHECK_IN, null));
                inVain++;
            }
            if (inVain == 0 || inVain == 3) {
                day += Math.max(1, (int) Math.round(cadence * (0.45 + 0.45 * random.nextDouble()) * attention.intervalFactor()));
                inVain = 0;
            } else {
                day += between(1, Math.max(1, cadence / 6));
            }
        }
    }

    private void connected(int day, Attention attention) {
        boolean top = tier == Tier.STRATEGIC || tier == Tier.KEY;
        double faceToFace = attention.faceToFace() ? (top ? 0.18 : 0.05) : 0;
        double executive = attention.executive() ? (top ? 0.13 : 0.03) : 0;
        double draw = random.nextDouble();
        Channel channel = random.nextDouble() < faceToFace
                ? (draw < 0.6 ? Channel.MEETING : draw < 0.9 ? Channel.SITE_VISIT : Channel.EVENT)
                : (draw < 0.55 ? Channel.CALL : draw < 0.85 ? Channel.VIDEO : Channel.EMAIL);
        draw = random.nextDouble();
        StaffRole role = random.nextDouble() < executive ? StaffRole.EXECUTIVE
                : draw < 0.75 ? StaffRole.ACCOUNT_MANAGER : draw < 0.85 ? StaffRole.SUPPORT
                : draw < 0.93 ? StaffRole.DELIVERY : StaffRole.SALES;
        draw = random.nextDouble();
        Agenda agenda = draw < 0.5 ? Agenda.CHECK_IN : draw < 0.75 ? Agenda.REVIEW : draw < 0.9 ? Agenda.SUPPORT : Agenda.SALES;
        Direction direction = random.nextDouble() < 0.12 ? Direction.INBOUND : Direction.OUTBOUND;
        add(contact(day, channel, ContactOutcome.CONNECTED, direction, role, agenda, null));
    }

    private void pitches() {
        int day = openedDay + between(30, 120);
        while (active(day)) {
            Attention attention = attentionOn(day);
            if (attention.quiet()) {
                day += 14;
                continue;
            }
            boolean top = tier == Tier.STRATEGIC || tier == Tier.KEY;
            boolean faceToFace = attention.faceToFace() && random.nextDouble() < (top ? 0.6 : 0.25);
            UUID pitchId = id();
            add(new PitchMade(pitchId, accountId, pick(OFFERINGS), faceToFace, random.nextBoolean() ? "kofi" : owner, at(day)));
            int answered = day + between(7, 45);
            if (active(answered)) {
                double draw = random.nextDouble();
                // a drifting client says no more often
                double won = drifting(answered) ? 0.1 : 0.3;
                PitchOutcome outcome = draw < won ? PitchOutcome.WON : draw < 0.7 ? PitchOutcome.DECLINED : PitchOutcome.DEFERRED;
                add(new PitchOutcomeRecorded(pitchId, accountId, outcome, at(answered)));
            }
            day += Math.max(30, (int) Math.round(between(90, 200) * attention.intervalFactor()));
        }
    }

    /** An NPS survey twice a year or so: promoters and passives, detractors only where the drift shows them. */
    private void surveys() {
        int day = openedDay + between(60, 200);
        while (active(day)) {
            if (attentionOn(day).quiet()) {
                day += 14;
                continue;
            }
            survey(day);
            day += between(150, 250);
        }
    }

    private void survey(int day) {
        int nps;
        String doingRight = null;
        String couldImprove = null;
        if (shows(Symptom.DETRACTOR_SCORES, day)) {
            nps = Math.max(0, Math.min(6, 6 - (int) Math.round(6 * intensity * progress(Symptom.DETRACTOR_SCORES, day))
                    + between(-1, 1)));
            couldImprove = pick(IMPROVEMENTS);
        } else if (random.nextDouble() < 0.55) {
            nps = between(9, 10);
            doingRight = pick(PRAISE);
        } else {
            nps = between(7, 8);
            couldImprove = pick(IMPROVEMENTS);
        }
        add(new FeedbackReceived(id(), accountId, FeedbackSource.SURVEY, doingRight, null, couldImprove, nps, null, at(day)));
    }

    /** Now and then a complaint; when nobody is drifting away, someone calls within days or weeks to talk it through. */
    private void complaints() {
        int day = openedDay + between(100, 500);
        while (active(day)) {
            complaint(day, random.nextBoolean() ? FeedbackSource.CALL : FeedbackSource.REVIEW);
            int talkedThrough = day + between(2, 25);
            if (!drifting(day) && !drifting(talkedThrough) && active(talkedThrough)) {
                add(contact(talkedThrough, Channel.CALL, ContactOutcome.CONNECTED, Direction.OUTBOUND,
                        StaffRole.ACCOUNT_MANAGER, Agenda.SUPPORT, "Talked the complaint through"));
            }
            day += between(250, 600);
        }
    }

    private void complaint(int day, FeedbackSource source) {
        Integer nps = random.nextDouble() < 0.3 ? between(4, 7) : null;
        add(new FeedbackReceived(id(), accountId, source, null, pick(COMPLAINTS), null, nps,
                source == FeedbackSource.CALL ? owner : null, at(day)));
    }

    /** Needs come up a few times a year or two; most are met within the grace of 30 days, some later, a few declined. */
    private void needs() {
        int day = openedDay + between(30, 300);
        while (active(day)) {
            need(day);
            day += between(150, 400);
        }
    }

    private void need(int day) {
        String[] need = pick(NEEDS).split(":", 2);
        UUID needId = id();
        add(new UnmetNeedRaised(needId, accountId, need[1], need[0], pick(List.of("CALL", "REVIEW", "SITE_VISIT")),
                owner, at(day)));
        double draw = random.nextDouble();
        int ended = day + (draw < 0.8 ? between(5, 28) : draw < 0.9 ? between(31, 75) : between(10, 40));
        Integer leftOpenFrom = onsets.get(Symptom.NEEDS_LEFT_OPEN);
        boolean leftOpen = leftOpenFrom != null && ended >= leftOpenFrom && day < driftEnd;
        if (leftOpen || !active(ended)) {
            openNeeds.put(needId, day);
        } else if (draw < 0.9) {
            add(new UnmetNeedAddressed(needId, accountId, "Delivered: " + need[1].toLowerCase(), at(ended)));
        } else {
            add(new UnmetNeedDeclined(needId, accountId, "Not something we offer", at(ended)));
        }
    }

    /** Rarely, a competitor is seen around a client that is doing well. */
    private void sightings() {
        int day = openedDay + between(200, 1500);
        while (active(day)) {
            sighting(day, "Heard they met " + rival);
            day += between(400, 1500);
        }
    }

    private void sighting(int day, String note) {
        add(new CompetitorSighted(id(), accountId, rival, note, owner, at(day)));
    }

    // --- what the archetype adds ------------------------------------------------------------------

    /** The signs a drift shows once, near their onset: a complaint nobody answers, a detractor score, a need left open, a rival. */
    private void driftSigns() {
        onsets.forEach((symptom, onset) -> {
            int day = onset + between(0, 14);
            if (!active(day) || !drifting(day)) {
                return;
            }
            switch (symptom) {
                case UNANSWERED_COMPLAINT -> complaint(day, random.nextBoolean() ? FeedbackSource.SURVEY : FeedbackSource.REVIEW);
                case DETRACTOR_SCORES -> survey(day);
                case NEEDS_LEFT_OPEN -> need(day);
                case COMPETITOR_SEEN -> {
                    sighting(day, rival + " was seen at the client's offices");
                    int again = between(day + 1, driftEnd);
                    if (random.nextDouble() < intensity && active(again) && drifting(again)) {
                        sighting(again, rival + " presented to their board");
                    }
                }
                case FEWER_CONTACTS, UNANSWERED_ATTEMPTS, FACE_TIME_STOPPED, EXECUTIVE_TOUCH_STOPPED -> {
                }
            }
        });
    }

    /** Attention comes back: an executive goes to listen, which talks any complaint through, and the open needs are met. */
    private void winBack() {
        if (archetype != Archetype.DRIFT_WON_BACK) {
            return;
        }
        ContactLogged visit = contact(driftEnd, Channel.MEETING, ContactOutcome.CONNECTED, Direction.OUTBOUND,
                StaffRole.EXECUTIVE, Agenda.REVIEW, "Came to listen: what we do right, what we do wrong, how we can improve");
        add(visit);
        recoveredAt = visit.occurredAt();
        openNeeds.forEach((needId, raised) -> {
            int met = Math.max(driftEnd, raised) + between(3, 20);
            if (raised < driftEnd && active(met)) {
                add(new UnmetNeedAddressed(needId, accountId, "Met after the review meeting", at(met)));
            }
        });
    }

    private void loss() {
        if (lossDay == null) {
            return;
        }
        String competitor = lossReason == LossReason.COMPETITOR_OFFER ? rival : null;
        AccountLost lost = new AccountLost(accountId, lossReason, competitor, null, at(lossDay));
        add(lost);
        lostAt = lost.occurredAt();
        int interviewed = lossDay + between(7, 45);
        if (random.nextDouble() < parameters.interviewChance() && interviewed <= lastDay) {
            List<LossReason> others = archetype == Archetype.DRIFT_LOST
                    ? onsets.containsKey(Symptom.FEWER_CONTACTS) && lossReason != LossReason.NEGLECT ? List.of(LossReason.NEGLECT) : List.of()
                    : List.of();
            add(new LostClientInterviewRecorded(id(), accountId, lossReason, others, competitor, couldHaveDone(),
                    winBackChance(), owner, at(interviewed)));
        }
    }

    private String couldHaveDone() {
        return switch (lossReason) {
            case NEGLECT -> "Called us more than once a quarter";
            case UNRESPONSIVE -> "Answered when we called";
            case QUALITY -> "Fixed the problems we raised";
            case UNMET_NEED -> "Met the need we asked about";
            case COMPETITOR_OFFER -> "Matched what " + rival + " offered";
            case PRICE -> "Talked about price before the renewal";
            case BUDGET_CUT, CHAMPION_LEFT, OTHER -> "Nothing: it was not about you";
        };
    }

    private WinBackChance winBackChance() {
        return switch (lossReason) {
            case NEGLECT, UNRESPONSIVE -> WinBackChance.MEDIUM;
            case CHAMPION_LEFT, PRICE -> WinBackChance.LOW;
            case BUDGET_CUT -> WinBackChance.HIGH;
            case QUALITY, UNMET_NEED, COMPETITOR_OFFER, OTHER -> WinBackChance.NONE;
        };
    }

    // --- events, moments and draws ----------------------------------------------------------------

    private ContactLogged contact(int day, Channel channel, ContactOutcome outcome, Direction direction, StaffRole role,
                                  Agenda agenda, String note) {
        String staff = switch (role) {
            case EXECUTIVE -> pick(EXECUTIVES);
            case SUPPORT -> "ines";
            case DELIVERY -> "jonas";
            case SALES -> "kofi";
            case ACCOUNT_MANAGER -> owner;
        };
        Integer minutes = outcome != ContactOutcome.CONNECTED || channel == Channel.EMAIL ? null
                : channel.isFaceToFace() ? between(45, 120) : between(10, 60);
        return new ContactLogged(id(), accountId, channel, outcome, direction, staff, role, agenda, note, minutes, at(day));
    }

    private void add(AccountEvent event) {
        events.add(event);
    }

    /** Whether something may still happen on a day: after the opening, before the loss and before now. */
    private boolean active(int day) {
        return day > openedDay && day <= lastDay && (lossDay == null || day < lossDay);
    }

    private Instant startOf(int day) {
        return day0.plus(Duration.ofDays(day));
    }

    /** A moment in the working hours (08:00 to 18:00 UTC) of a day. */
    private Instant at(int day) {
        return startOf(day).plus(Duration.ofMinutes(8 * 60 + random.nextInt(10 * 60)));
    }

    /** Ids derived from the seed, the account's place in the firm and the order of its events: the same every run. */
    private UUID id() {
        String name = "rapport-generated-firm:" + parameters.seed() + ":" + index + ":" + ids++;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private String name() {
        int starts = NAME_STARTS.size();
        int both = starts * NAME_ENDS.size();
        return NAME_STARTS.get(index % starts) + " " + NAME_ENDS.get(index / starts % NAME_ENDS.size())
                + (index >= both ? " " + (index / both + 1) : "");
    }

    /** A whole number from {@code low} to {@code high}, both included. */
    private int between(int low, int high) {
        return high <= low ? low : low + random.nextInt(high - low + 1);
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
