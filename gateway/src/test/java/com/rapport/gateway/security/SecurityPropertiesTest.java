package com.rapport.gateway.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Binding.class)
            .withPropertyValues("rapport.security.users-file=/tmp/unused");

    @Test
    void bindsKeysAndUsersWithTheirRoles() {
        context.withPropertyValues(
                        "rapport.security.api-keys[0].name=crm",
                        "rapport.security.api-keys[0].hash=" + "ab".repeat(32),
                        "rapport.security.api-keys[0].roles=INTEGRATION,LEADER",
                        "rapport.security.users[0].username=lena",
                        "rapport.security.users[0].password-hash={bcrypt}$2a$10$abcdefghijklmnopqrstuv",
                        "rapport.security.users[0].roles=STAFF")
                .run(started -> {
                    SecurityProperties properties = started.getBean(SecurityProperties.class);
                    assertThat(properties.apiKeys()).singleElement().satisfies(key -> {
                        assertThat(key.roles()).containsExactlyInAnyOrder(Role.INTEGRATION, Role.LEADER);
                        assertThat(key.revoked()).isFalse();
                    });
                    assertThat(properties.users()).singleElement().extracting(SecurityProperties.User::roles)
                            .isEqualTo(java.util.Set.of(Role.STAFF));
                    assertThat(properties.usersFile()).isEqualTo(Path.of("/tmp/unused"));
                    assertThat(properties.jwt().enabled()).isFalse();
                });
    }

    @Test
    void refusesAKeyThatIsNotASha256Hash() {
        context.withPropertyValues(
                        "rapport.security.api-keys[0].name=crm",
                        "rapport.security.api-keys[0].hash=the-key-itself",
                        "rapport.security.api-keys[0].roles=INTEGRATION")
                .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void refusesAPasswordThatIsNotAHash() {
        context.withPropertyValues(
                        "rapport.security.users[0].username=lena",
                        "rapport.security.users[0].password-hash=secret",
                        "rapport.security.users[0].roles=LEADER")
                .run(started -> assertThat(started).hasFailed());
    }

    /** The name is passed on to the services in a header, and logged. */
    @ParameterizedTest
    @ValueSource(strings = {"le\nna", "le\rna", "lé\u0000na", "léna", "le na", "le:na"})
    void refusesAUsernameThatCannotBePassedOn(String username) {
        context.withPropertyValues(
                        "rapport.security.users[0].username=" + username,
                        "rapport.security.users[0].password-hash={bcrypt}$2a$10$abcdefghijklmnopqrstuv",
                        "rapport.security.users[0].roles=LEADER")
                .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void refusesAKeyNameThatCannotBePassedOn() {
        context.withPropertyValues(
                        "rapport.security.api-keys[0].name=crm\r\nsync",
                        "rapport.security.api-keys[0].hash=" + "ab".repeat(32),
                        "rapport.security.api-keys[0].roles=INTEGRATION")
                .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void limitsSignInsPerAddressByDefault() {
        context.run(started -> {
            SecurityProperties.Login login = started.getBean(SecurityProperties.class).login();
            assertThat(login.perAddressPerMinute()).isEqualTo(10);
            assertThat(login.perAddressBurst()).isEqualTo(20);
        });
    }

    @Test
    void refusesAnUnknownRole() {
        context.withPropertyValues(
                        "rapport.security.api-keys[0].name=crm",
                        "rapport.security.api-keys[0].hash=" + "ab".repeat(32),
                        "rapport.security.api-keys[0].roles=ADMIN")
                .run(started -> assertThat(started).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SecurityProperties.class)
    static class Binding {
    }
}
