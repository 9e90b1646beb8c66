package com.rapport.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Who may come in: people (form login), programs with an API key, and programs with a JWT from
 * the configured issuer.
 *
 * @param users     people who sign in with the login form
 * @param apiKeys   keys for programs that cannot do OAuth, stored as SHA-256 hashes
 * @param usersFile where the first LEADER created at first start is kept (only its hash)
 * @param jwt       the issuer whose bearer tokens are accepted; none when neither URI is set
 * @param login     how many failed sign-ins in a row lock a username, and for how long; how often
 *                  one address may try
 */
@ConfigurationProperties("rapport.security")
@Validated
public record SecurityProperties(
        @DefaultValue @Valid List<User> users,
        @DefaultValue @Valid List<ApiKey> apiKeys,
        @NotNull Path usersFile,
        @DefaultValue @Valid Jwt jwt,
        @DefaultValue @Valid Login login) {

    /**
     * @param allowedFailures      failed sign-ins in a row that lock the username
     * @param lockout              how long it stays locked after the last failure
     * @param perAddressPerMinute  sign-in attempts a client address may make a minute, over time
     * @param perAddressBurst      sign-in attempts a client address may make at once, after a quiet spell
     */
    public record Login(@DefaultValue("5") @Min(1) int allowedFailures, @DefaultValue("15m") Duration lockout,
                        @DefaultValue("10") @Positive int perAddressPerMinute,
                        @DefaultValue("20") @Positive int perAddressBurst) {
    }

    /**
     * @param username     the name to sign in with (in any case), and the id passed on to the services
     * @param passwordHash in DelegatingPasswordEncoder form, e.g. {@code {bcrypt}$2a$10$...}
     * @param roles        what the user may do
     */
    public record User(
            @NotBlank @Pattern(regexp = PrincipalName.PATTERN, message = PrincipalName.RULE)
            @Pattern(regexp = "[^:]*", message = "must not contain ':'") String username,
            @NotBlank @Pattern(regexp = "\\{[a-z0-9@_-]+\\}\\S+", message = "must name its encoder, e.g. {bcrypt}...")
            String passwordHash,
            @NotEmpty Set<Role> roles) {
    }

    /**
     * @param name    who holds the key; the id passed on to the services
     * @param hash    the SHA-256 of the key, in hex; the key itself is never stored
     * @param roles   what the key may do
     * @param revoked a revoked key is refused (so is a removed one)
     */
    public record ApiKey(
            @NotBlank @Pattern(regexp = PrincipalName.PATTERN, message = PrincipalName.RULE) String name,
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a SHA-256 in hex (64 characters)")
            String hash,
            @NotEmpty Set<Role> roles,
            @DefaultValue("false") boolean revoked) {
    }

    /**
     * @param issuerUri  the issuer: its discovery document names the keys, and tokens must name it
     * @param jwkSetUri  the keys, when the issuer publishes no discovery document
     * @param audience   when set, tokens must name it in {@code aud}
     * @param rolesClaim the claim that lists a token's roles; a dotted path reaches into objects
     */
    public record Jwt(@Nullable String issuerUri, @Nullable String jwkSetUri, @Nullable String audience,
                      @DefaultValue("roles") @NotBlank String rolesClaim) {

        boolean enabled() {
            return StringUtils.hasText(issuerUri) || StringUtils.hasText(jwkSetUri);
        }
    }
}
