package com.rapport.platform.web;

import com.rapport.platform.PlatformProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * Problem details, request ids, a log line per request, event time and the rules requests are
 * read by, for every service's HTTP API.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformProperties.class)
@Import(ProblemDetailsAdvice.class)
public class WebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public EventClock eventClock(Clock clock, PlatformProperties platform) {
        return new EventClock(clock, platform.clockSkew());
    }

    /** After Boot's own (order 0), which it replaces: request bodies are read strictly, responses written as before. */
    @Bean
    @Order(1)
    public ServerHttpMessageConvertersCustomizer strictRequestBodies(JsonMapper jsonMapper) {
        JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter(StrictJson.forRequests(jsonMapper));
        return converters -> converters.withJsonConverter(converter);
    }

    @Bean
    public WebMvcConfigurer requestRules() {
        return new RequestRules();
    }

    @Bean
    public FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Inside the request id's filter, so that the id is known when the line is written. */
    @Bean
    public FilterRegistrationBean<RequestLog> requestLog() {
        FilterRegistrationBean<RequestLog> registration = new FilterRegistrationBean<>(new RequestLog());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
