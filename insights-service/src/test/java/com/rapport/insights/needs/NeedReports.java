package com.rapport.insights.needs;

import com.rapport.insights.AccountHistory;
import com.rapport.insights.ReadModels;
import com.rapport.insights.account.Tables;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What insights' needs read model reports of account histories, each recorded as insights records it. */
final class NeedReports {

    private NeedReports() {
    }

    /** The report the read model gives of these accounts' needs. */
    static UnmetNeedsReport report(List<AccountHistory> accounts, NeedStatus status, int page, int size, Instant now) {
        JdbcClient jdbc = ReadModels.empty();
        NeedRows needs = new NeedRows(jdbc);
        for (AccountHistory account : accounts) {
            ReadModels.saveAccount(jdbc, account.events(), now);
            needs.apply(Tables.LIVE, account.events());
        }
        return needs.report(status, page, size, now);
    }

    /** This account's needs as of {@code now}, in every status. */
    static List<Need> needsOf(AccountHistory account, Instant now) {
        List<Need> needs = new ArrayList<>();
        for (NeedStatus status : NeedStatus.values()) {
            needs.addAll(report(List.of(account), status, 0, 500, now).items());
        }
        return needs;
    }
}
