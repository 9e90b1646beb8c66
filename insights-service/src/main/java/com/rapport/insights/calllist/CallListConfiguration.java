package com.rapport.insights.calllist;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
class CallListConfiguration {

    /**
     * The call list's rules from {@code rapport.call-list.*}, each defaulting to {@link CallListRules#defaults()},
     * e.g. {@code RAPPORT_CALLLIST_RECENTLYCONNECTEDDAYS=5}.
     */
    @Bean
    CallListRules callListRules(Environment environment) {
        return rules(Binder.get(environment));
    }

    static CallListRules rules(Binder binder) {
        CallListRules defaults = CallListRules.defaults();
        return new CallListRules(
                setting(binder, "recently-connected-days", defaults.recentlyConnectedDays()),
                setting(binder, "weekly-check-in-days", defaults.weeklyCheckInDays()),
                setting(binder, "top-key-accounts", defaults.topKeyAccounts()),
                setting(binder, "interview-within-days", defaults.interviewWithinDays()),
                setting(binder, "runway-days", defaults.runwayDays()));
    }

    private static int setting(Binder binder, String name, int fallback) {
        return binder.bind("rapport.call-list." + name, Integer.class).orElse(fallback);
    }
}
