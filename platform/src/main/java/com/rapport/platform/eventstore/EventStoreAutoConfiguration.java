package com.rapport.platform.eventstore;

import com.rapport.platform.PlatformProperties;
import com.rapport.platform.problem.CommandRefused;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.AxonNonTransientExceptionClassesPredicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;

/**
 * The shared event store on the configured DataSource.
 * <p>
 * Axon 4.13's auto-configurations are ordered against Spring Boot 3's class names. On Boot 4
 * they would look for a DataSource before Boot made one, fall back to a no-op transaction
 * manager and to a private metrics registry. Being ordered after Boot's and before Axon's,
 * this configuration puts Axon's after Boot's, which is all Axon needs to wire itself
 * properly: its JDBC engine and token store, Spring's transaction manager, the Prometheus
 * registry.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
                "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"},
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration",
                "org.axonframework.springboot.autoconfig.MetricsAutoConfiguration",
                "org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration",
                "org.axonframework.springboot.autoconfig.XStreamAutoConfiguration",
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"})
@EnableConfigurationProperties(PlatformProperties.class)
public class EventStoreAutoConfiguration {

    @Bean
    @Primary
    public Serializer serializer() {
        return PublishedLanguageSerializer.create();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * Every revision of the published language that changed an event's shape, oldest first: Axon
     * upcasts what it reads from the store with them, so events stored in an older revision load
     * in every service as their current revision.
     */
    @Bean
    public EventUpcasterChain publishedLanguageUpcasters() {
        return new EventUpcasterChain(FieldsAdded.forThePublishedLanguage());
    }

    @Bean
    public KeptEvents keptEvents(Serializer serializer, List<EventUpcaster> upcasters) {
        return new KeptEvents(serializer, new EventUpcasterChain(upcasters));
    }

    /**
     * The shared tables, in their own schema and with lower-case names (Axon's JDBC defaults are
     * camel case); migrating here guarantees they exist before Axon uses them.
     */
    @Bean
    public EventSchema eventSchema(DataSource dataSource) {
        EventStoreSchema.migrate(dataSource);
        return EventSchema.builder()
                .eventTable(EventStoreSchema.SCHEMA + ".domain_event_entry")
                .snapshotTable(EventStoreSchema.SCHEMA + ".snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** Each service keeps its own tokens, next to its read models, in its own schema. */
    @Bean
    public TokenSchema tokenSchema(PlatformProperties platform) {
        return TokenSchema.builder()
                .setTokenTable(platform.schema() + ".token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Each service keeps the events its processors could not handle next to their tokens, in its own
     * schema (migration {@code db/platform/V0_2}); every processor gets its queue from the platform's
     * processing configuration.
     */
    @Bean
    public DeadLetterSchema deadLetterSchema(PlatformProperties platform) {
        return DeadLetterSchema.builder()
                .deadLetterTable(platform.schema() + ".dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * The connection of the Spring transaction the unit of work runs in, and nothing more. Axon's
     * default wraps it to commit or roll the connection back itself when a unit of work ends, which
     * would end a longer transaction the unit of work joined (a chunk of an import, where each
     * command is a savepoint): Spring's transaction manager, attached to every unit of work, commits
     * and rolls back already.
     */
    @Bean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /** The pool drops all its connections at the first sign that the database went away. */
    @Bean
    public static BeanPostProcessor brokenConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool) {
                    BrokenConnections.install(pool);
                }
                return bean;
            }
        };
    }

    /**
     * Every aggregate's factory refuses an id that another kind of aggregate holds, so no aggregate
     * has to recognise foreign events itself. Axon's Spring support makes one factory bean per
     * aggregate ({@code <aggregate>AggregateFactory}); each is wrapped as it is made.
     */
    @Bean
    public static BeanPostProcessor oneKindPerId() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof AggregateFactory<?> factory && !(bean instanceof OneKindPerId<?>)
                        ? new OneKindPerId<>(factory) : bean;
            }
        };
    }

    @Bean
    public GlobalIndexGuard globalIndexGuard(DataSource dataSource, Serializer serializer, PlatformProperties platform) {
        return new GlobalIndexGuard(dataSource, serializer, platform.schema());
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueKeyViolation();
    }

    /**
     * A command that failed for a reason that may pass, above all one that lost a race on its
     * aggregate, is tried again on fresh state before it is refused. A rule's refusal is final:
     * trying it again would only answer the same 4xx later. So is a database that gave no
     * connection within the pool's timeout: it is away, and trying again would only keep the
     * caller waiting longer for its 503. A connection that broke is tried again, even where Axon
     * calls the failure final (it reports any failed append so): the pool has dropped its dead
     * connections, and the next attempt gets a fresh one or waits for the database.
     */
    @Bean(destroyMethod = "shutdown")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                         PlatformProperties platform) {
        Predicate<Throwable> axonCallsItFinal = new AxonNonTransientExceptionClassesPredicate();
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .retryInterval(25)
                        .maxRetryCount(platform.commandRetries())
                        .nonTransientFailurePredicate(failure -> axonCallsItFinal.test(failure)
                                && !BrokenConnections.databaseWentAway(failure))
                        .addNonTransientFailurePredicate(CommandRefused.class, refused -> true)
                        .addNonTransientFailurePredicate(SQLTransientConnectionException.class, noConnection -> true)
                        .build())
                .build();
    }
}
