package com.rapport.insights.assessment;

import com.rapport.events.AccountEvent;
import com.rapport.insights.health.HealthPolicy;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;

@Configuration
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "${rapport.insights.reassess-lock-at-most}")
class InsightsConfiguration {

    /**
     * The health policy from {@code rapport.health.*}; application.yml holds the design's
     * defaults, so that a single setting can be changed on its own. It is in force until the first
     * change of the policy: assessments take theirs from {@link com.rapport.insights.policy.Policies}.
     */
    @Bean
    HealthPolicy healthPolicy(Environment environment) {
        return Binder.get(environment).bind("rapport.health", HealthPolicy.class)
                .orElseThrow(() -> new IllegalStateException("rapport.health is not configured"));
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("insights.shedlock")
                .usingDbTime()
                .build());
    }

    /**
     * One account's events are handled in order by one thread, whichever service and
     * aggregate they come from, so that each re-assessment sees all that came before.
     */
    @Bean
    SequencingPolicy<EventMessage<?>> byAccount() {
        return event -> event.getPayload() instanceof AccountEvent accountEvent
                ? accountEvent.accountId()
                : event.getIdentifier();
    }
}
