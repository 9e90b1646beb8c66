package com.rapport.platform.importing;

import com.rapport.platform.web.ProblemDetailsAdvice;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** The import of records in bulk, in every service whose web adapters offer kinds of line ({@link ImportedLines}). */
@AutoConfiguration(afterName = {
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({ImportedLines.class, EventStore.class})
@EnableConfigurationProperties(ImportProperties.class)
public class ImportAutoConfiguration {

    @Bean
    public AppendedEvents appendedEvents(EventBus eventBus) {
        AppendedEvents appended = new AppendedEvents();
        eventBus.registerDispatchInterceptor(appended);
        return appended;
    }

    @Bean
    public LineImport lineImport(List<ImportedLines> adapters, ObjectProvider<RequestMappingHandlerAdapter> mvc,
                                 jakarta.validation.Validator validator, ProblemDetailsAdvice advice,
                                 PlatformTransactionManager transactions, CommandBus commandBus,
                                 AppendedEvents appended, EventStore store) {
        return new LineImport(adapters, SingletonSupplier.of(() -> requestBodyConverter(mvc.getObject())), new SpringValidatorAdapter(validator),
                new LineProblems(advice), transactions,
                DefaultCommandGateway.builder().commandBus(commandBus).build(), appended, store);
    }

    @Bean
    @ConditionalOnBean(EventProcessingConfiguration.class)
    public ProcessorCatchUp processorCatchUp(EventProcessingConfiguration processing, JdbcClient jdbc, EventStore store) {
        return new ProcessorCatchUp(processing, jdbc, store);
    }

    /** The converter Spring MVC reads JSON request bodies with, whatever it was configured with. */
    private static AbstractJacksonHttpMessageConverter<?> requestBodyConverter(RequestMappingHandlerAdapter mvc) {
        return mvc.getMessageConverters().stream()
                .filter(converter -> converter instanceof AbstractJacksonHttpMessageConverter<?>
                        && converter.canRead(JsonNode.class, MediaType.APPLICATION_JSON))
                .map(converter -> (AbstractJacksonHttpMessageConverter<?>) converter)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Spring MVC has no JSON converter"));
    }
}
