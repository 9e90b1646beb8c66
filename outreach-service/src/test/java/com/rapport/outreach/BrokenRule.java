package com.rapport.outreach;

import com.rapport.platform.problem.InvalidField;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import static org.hamcrest.Matchers.equalTo;

/** Matches the {@link InvalidField} that names the broken rule, for {@code expectException(brokenRule(...))}. */
public final class BrokenRule {

    private BrokenRule() {
    }

    public static Matcher<InvalidField> brokenRule(String rule) {
        return new FeatureMatcher<>(equalTo(rule), "an InvalidField breaking rule", "rule") {
            @Override
            protected String featureValueOf(InvalidField actual) {
                return actual.rule();
            }
        };
    }
}
