package com.rapport.platform.eventstore;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon 4.13 orders its auto-configuration against Spring Boot 3's class names. These tests
 * start a bare application with and without {@link EventStoreAutoConfiguration} to show that
 * it is what makes Axon wire itself onto Boot 4's DataSource, transactions and Prometheus.
 */
class AxonOnBootWiringTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class BareApplication {
    }

    /** Command-line arguments: they take precedence over the platform's defaults, as a service's own settings do. */
    private static ConfigurableApplicationContext start(String... extraArguments) {
        String database = "jdbc:h2:mem:wiring-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database,
                "--rapport.schema=wiring",
                "--spring.application.name=wiring-test",
                "--management.prometheus.metrics.export.enabled=true"));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(BareApplication.class)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }

    @Test
    void axonUsesTheJdbcStoreSpringTransactionsAndThePrometheusRegistry() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
            assertThat(context.getBean(TransactionManager.class)).isInstanceOf(SpringTransactionManager.class);
            // the transaction's connection as it is: a unit of work that joins a longer transaction does not end it
            assertThat(context.getBean(ConnectionProvider.class)).isInstanceOf(SpringDataSourceConnectionProvider.class);
            assertThat(context.getBean("eventBus")).isInstanceOf(EmbeddedEventStore.class);
            assertThat(context.getBean(GlobalMetricRegistry.class).getRegistry())
                    .isSameAs(context.getBean(PrometheusMeterRegistry.class));
            assertThat(context.getBean(Serializer.class)).isInstanceOf(PublishedLanguageSerializer.class);
        }
    }

    /** Events would be published to a bus that stores nothing, outside any transaction. */
    @Test
    void withoutThePlatformOrderingAxonFallsBackToABusThatStoresNothing() {
        try (ConfigurableApplicationContext context =
                     start("--spring.autoconfigure.exclude=" + EventStoreAutoConfiguration.class.getName())) {
            assertThat(context.getBeansOfType(EventStorageEngine.class)).isEmpty();
            assertThat(context.getBean("eventBus")).isInstanceOf(SimpleEventBus.class);
            assertThat(context.getBean(TransactionManager.class)).isSameAs(NoTransactionManager.INSTANCE);
        }
    }
}
