package com.rapport.platform;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds the settings every service shares (database, Flyway, Axon, actuator) with the lowest
 * precedence, so a service's own application.yml and the environment override any of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    private static final String DEFAULTS = "platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new PropertiesPropertySourceLoader()
                    .load(DEFAULTS, new ClassPathResource(DEFAULTS))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
        // Axon reads these two only as system properties: its update checker would phone home
        // at every start (the machines are offline), and its console module prints an advert.
        disableUnlessSet("axoniq.update-checker.disabled");
        disableUnlessSet("disable-axoniq-console-message");
    }

    private static void disableUnlessSet(String systemProperty) {
        if (System.getProperty(systemProperty) == null) {
            System.setProperty(systemProperty, "true");
        }
    }
}
