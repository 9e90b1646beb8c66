package com.rapport.insights.needs;

import java.time.Instant;
import java.util.UUID;

/**
 * One unmet need, as the HTTP contract shapes it.
 *
 * @param accountName   the account's name and owner as they are now
 * @param accountStatus ACTIVE, or LOST for an account we no longer have
 * @param ageDays       whole days from raised to now while open, to its end once ended
 * @param endedAt       when it was addressed, declined or lost; null while open
 * @param competitor    who met it instead of us, for a need lost to a competitor
 */
public record Need(UUID needId, UUID accountId, String accountName, String ownerId, String accountStatus,
                   String category, String description, Instant raisedAt, NeedStatus status, long ageDays,
                   Instant endedAt, String competitor) {
}
