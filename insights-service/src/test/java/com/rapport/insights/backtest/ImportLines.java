package com.rapport.insights.backtest;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.FeedbackReceived;
import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.events.outreach.PitchMade;
import com.rapport.events.outreach.PitchOutcomeRecorded;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * Events as lines of {@code POST /api/import} (README, "Importing in bulk"): each the body of the event's
 * single endpoint with its {@code type} and the ids that endpoint takes from its path. Step lines (a pitch's
 * outcome, a need's end) carry their account's id too, which the import ignores but keeps the account's
 * lines together.
 */
public final class ImportLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImportLines() {
    }

    /** The firm account by account, each in the order it happened, as the import wants them. @return the lines written */
    public static long write(GeneratedFirm firm, Writer out) throws IOException {
        long lines = 0;
        for (GeneratedAccount account : firm.accounts()) {
            for (AccountEvent event : account.events()) {
                out.write(line(event));
                out.write('\n');
                lines++;
            }
        }
        return lines;
    }

    public static String line(AccountEvent event) {
        return JSON.writeValueAsString(node(event));
    }

    private static ObjectNode node(AccountEvent event) {
        if (event instanceof AccountOpened e) {
            return line("account", e).with("name", e.name()).with("tier", e.tier()).with("annualValue", e.annualValue())
                    .with("currency", e.currency()).with("ownerId", e.ownerId()).with("timezone", e.timezone())
                    .with("cadenceDays", e.cadenceDays()).done(e);
        }
        if (event instanceof AccountLost e) {
            return line("loss", e).with("reason", e.reason()).with("competitor", e.competitor()).with("note", e.note()).done(e);
        }
        if (event instanceof AccountWonBack e) {
            return line("win-back", e).done(e);
        }
        if (event instanceof ContactLogged e) {
            return line("contact", e).with("contactId", e.contactId()).with("channel", e.channel())
                    .with("outcome", e.outcome()).with("direction", e.direction()).with("staffId", e.staffId())
                    .with("staffRole", e.staffRole()).with("agenda", e.agenda()).with("note", e.note())
                    .with("durationMinutes", e.durationMinutes()).done(e);
        }
        if (event instanceof PitchMade e) {
            return line("pitch", e).with("pitchId", e.pitchId()).with("offering", e.offering())
                    .with("faceToFace", e.faceToFace()).with("staffId", e.staffId()).done(e);
        }
        if (event instanceof PitchOutcomeRecorded e) {
            return line("pitch-outcome", e).with("pitchId", e.pitchId()).with("outcome", e.outcome()).done(e);
        }
        if (event instanceof FeedbackReceived e) {
            return line("feedback", e).with("feedbackId", e.feedbackId()).with("source", e.source())
                    .with("doingRight", e.doingRight()).with("doingWrong", e.doingWrong())
                    .with("couldImprove", e.couldImprove()).with("npsScore", e.npsScore()).with("staffId", e.staffId()).done(e);
        }
        if (event instanceof UnmetNeedRaised e) {
            return line("unmet-need", e).with("needId", e.needId()).with("description", e.description())
                    .with("category", e.category()).with("discoveredVia", e.discoveredVia()).with("staffId", e.staffId()).done(e);
        }
        if (event instanceof UnmetNeedAddressed e) {
            return line("need-resolution", e).with("needId", e.needId()).with("outcome", "ADDRESSED").with("how", e.how()).done(e);
        }
        if (event instanceof UnmetNeedDeclined e) {
            return line("need-resolution", e).with("needId", e.needId()).with("outcome", "DECLINED").with("why", e.why()).done(e);
        }
        if (event instanceof UnmetNeedLostToCompetitor e) {
            return line("need-resolution", e).with("needId", e.needId()).with("outcome", "LOST_TO_COMPETITOR")
                    .with("competitor", e.competitor()).done(e);
        }
        if (event instanceof CompetitorSighted e) {
            return line("competitor-signal", e).with("signalId", e.signalId()).with("competitor", e.competitor())
                    .with("note", e.note()).with("staffId", e.staffId()).done(e);
        }
        if (event instanceof LostClientInterviewRecorded e) {
            return line("exit-interview", e).with("interviewId", e.interviewId()).with("primaryReason", e.primaryReason())
                    .with("otherReasons", e.otherReasons()).with("competitor", e.competitor())
                    .with("whatWeCouldHaveDone", e.whatWeCouldHaveDone()).with("winBackChance", e.winBackChance())
                    .with("staffId", e.staffId()).done(e);
        }
        throw new IllegalArgumentException("No import line for " + event.getClass().getSimpleName());
    }

    private static Line line(String type, AccountEvent event) {
        return new Line(JSON.createObjectNode()).with("type", type).with("accountId", event.accountId());
    }

    /** A line being written: fields left null are left out, as a client leaves out what it does not know. */
    private record Line(ObjectNode node) {

        Line with(String name, Object value) {
            if (value instanceof Integer number) {
                node.put(name, number);
            } else if (value instanceof Boolean flag) {
                node.put(name, flag);
            } else if (value instanceof BigDecimal amount) {
                node.put(name, amount);
            } else if (value instanceof List<?> values) {
                ArrayNode array = node.putArray(name);
                values.forEach(item -> array.add(item.toString()));
            } else if (value != null) {
                node.put(name, value.toString());
            }
            return this;
        }

        ObjectNode done(AccountEvent event) {
            return with("occurredAt", event.occurredAt()).node();
        }
    }
}
