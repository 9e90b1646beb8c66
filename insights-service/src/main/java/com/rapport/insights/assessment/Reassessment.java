package com.rapport.insights.assessment;

import com.rapport.insights.health.HealthModel;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.history.AccountHistories;
import com.rapport.insights.history.HistoryListener;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.UUID;

/**
 * Keeps every account's assessment current: after each event of the account, and on a
 * schedule, because time passes without events and neglect is the absence of them. What
 * changed is published through the account's {@link AccountHealth}.
 */
@Component
public class Reassessment implements HistoryListener {

    private static final Logger log = LoggerFactory.getLogger(Reassessment.class);

    private final AccountHistories histories;
    private final Assessments assessments;
    private final CommandGateway commands;
    private final HealthPolicy policy;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public Reassessment(@Lazy AccountHistories histories, Assessments assessments, CommandGateway commands,
                        HealthPolicy policy, Clock clock, TransactionTemplate transaction) {
        this.histories = histories;
        this.assessments = assessments;
        this.commands = commands;
        this.policy = policy;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** While a history is rebuilt from the store nothing is published: what it says was said before. */
    @Override
    public void historyChanged(UUID accountId, boolean replaying) {
        reassess(accountId, !replaying);
    }

    /** Once across all instances, every {@code rapport.insights.reassess-every}. */
    @Scheduled(fixedDelayString = "${rapport.insights.reassess-every}", initialDelayString = "${rapport.insights.reassess-every}")
    @SchedulerLock(name = "insights-reassessment")
    public void reassessEveryAccount() {
        int reassessed = 0;
        for (UUID accountId : histories.accounts()) {
            try {
                transaction.executeWithoutResult(status -> reassess(accountId, true));
                reassessed++;
            } catch (RuntimeException e) {
                log.error("Scheduled re-assessment of account {} failed", accountId, e);
            }
        }
        log.info("Scheduled re-assessment: {} accounts re-assessed", reassessed);
    }

    private void reassess(UUID accountId, boolean publish) {
        HealthModel.assess(histories.of(accountId), clock.instant(), policy).ifPresent(assessment -> {
            assessments.save(assessment);
            if (publish) {
                commands.sendAndWait(RecordAssessment.of(assessment));
            }
        });
    }
}
