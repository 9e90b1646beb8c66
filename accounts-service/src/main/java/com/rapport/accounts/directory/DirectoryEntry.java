package com.rapport.accounts.directory;

import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One account as the directory shows it. */
public record DirectoryEntry(
        UUID accountId,
        String name,
        Tier tier,
        BigDecimal annualValue,
        String currency,
        String ownerId,
        String timezone,
        Integer cadenceDays,
        AccountStatus status,
        Instant openedAt,
        Instant lostAt,
        LossReason lossReason,
        String competitor,
        Instant updatedAt) {
}
