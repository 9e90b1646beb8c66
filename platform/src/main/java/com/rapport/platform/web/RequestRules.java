package com.rapport.platform.web;

import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The rules query parameters and path variables are read by, as {@link StrictJson} reads bodies:
 * text that can be stored, times and durations as {@link PermittedTimes} permits them. Added after
 * Spring's own converters, these take their place (Spring would read {@code asOf=1700000000} as
 * milliseconds since 1970).
 */
final class RequestRules implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Instant.class, PermittedTimes::instant);
        registry.addConverter(String.class, LocalDate.class, PermittedTimes::date);
        registry.addConverter(String.class, Duration.class, PermittedTimes::duration);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new StorableParameters());
    }
}
