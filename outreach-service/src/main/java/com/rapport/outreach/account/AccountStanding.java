package com.rapport.outreach.account;

import com.rapport.platform.problem.Conflict;
import com.rapport.platform.web.EventClock;

import java.time.Instant;
import java.util.UUID;

/**
 * What outreach knows of an account when a command arrives: when it was opened and whether it
 * is lost. The checks that depend on it are pure and live here, for every aggregate to use; which
 * standing a record needs each aggregate says, and nothing else does.
 */
public record AccountStanding(UUID accountId, Instant openedAt, boolean lost) {

    /** Contacts, pitches, needs, signals and calls are for clients we still have. */
    public void requireActive(String what) {
        if (lost) {
            throw new Refused("Account " + accountId + " is lost: " + what
                    + " cannot be recorded for it (win it back first; an exit interview is recorded instead)");
        }
    }

    /** An exit interview is for a client who left. */
    public void requireLost() {
        if (!lost) {
            throw new Refused("Account " + accountId + " is not lost: an exit interview is only for a lost account");
        }
    }

    /** A time the client gave may not precede the opening; one it left out is when the request came in. */
    public Instant dated(Instant requested, Instant receivedAt) {
        return EventClock.datedAfter(requested, receivedAt, openedAt, "NotBeforeOpening", "the account was opened");
    }

    /**
     * A record refused for the account's standing. The standing is what outreach knew when the
     * command was built, and a loss or a win-back made a moment ago may still be on its way: the
     * recorder asks again once outreach learns more of the account, and answers 409 if it does not.
     */
    public static final class Refused extends Conflict {

        Refused(String message) {
            super(message);
        }
    }
}
