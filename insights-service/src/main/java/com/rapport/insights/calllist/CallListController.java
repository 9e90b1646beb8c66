package com.rapport.insights.calllist;

import com.rapport.insights.account.AccountStates;
import com.rapport.insights.history.AccountHistories;
import com.rapport.insights.policy.Policies;
import com.rapport.platform.problem.InvalidField;
import com.rapport.platform.validation.StaffId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

@RestController
class CallListController {

    private final AccountStates states;
    private final AccountHistories histories;
    private final Policies policies;
    private final CallListRules rules;
    private final Clock clock;

    CallListController(AccountStates states, AccountHistories histories, Policies policies, CallListRules rules,
                       Clock clock) {
        this.states = states;
        this.histories = histories;
        this.policies = policies;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Who {@code owner} should call on {@code date} (today in UTC unless given, and within a year of
     * it either way), and why, the highest priority first; each account's part of the date is that day
     * in its own time zone. An owner without accounts has an empty list. The accounts are those the owner
     * has now, each as it stood at the end of its day, under the health policy in force now.
     */
    @GetMapping("/api/insights/call-list")
    CallList callList(@RequestParam(required = false) @StaffId String owner,
                      @RequestParam(required = false) LocalDate date,
                      @RequestParam(defaultValue = "10") @Min(1) @Max(100) int size) {
        if (owner == null) {
            throw new InvalidField("owner", "NotNull", "is required: the staff id whose call list it is");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate day = date == null ? today : date;
        if (day.isBefore(today.minusYears(1)) || day.isAfter(today.plusYears(1))) {
            throw new InvalidField("date", "WithinAYear", "must lie within a year of today (" + today + ")");
        }
        return new CallListRanking(policies.current(), rules).callList(owner, day, states.ownedBy(owner), histories::of, size);
    }
}
