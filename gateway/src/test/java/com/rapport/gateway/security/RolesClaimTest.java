package com.rapport.gateway.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RolesClaimTest {

    static Stream<Arguments> tokens() {
        return Stream.of(
                arguments("a list at the top", "roles", Map.of("roles", List.of("LEADER", "STAFF")), List.of("ROLE_LEADER", "ROLE_STAFF")),
                arguments("a space-separated string", "scope", Map.of("scope", "INTEGRATION  OPS"), List.of("ROLE_INTEGRATION", "ROLE_OPS")),
                arguments("nested, as Keycloak writes realm roles", "realm_access.roles",
                        Map.of("realm_access", Map.of("roles", List.of("offline_access", "LEADER"))), List.of("ROLE_LEADER")),
                arguments("two levels deep", "resource_access.rapport.roles",
                        Map.of("resource_access", Map.of("rapport", Map.of("roles", List.of("STAFF")))), List.of("ROLE_STAFF")),
                arguments("an issuer's other roles", "roles", Map.of("roles", List.of("admin", "leader", "ROLE_LEADER")), List.of()),
                arguments("a role named twice", "roles", Map.of("roles", List.of("OPS", "OPS")), List.of("ROLE_OPS")),
                arguments("no such claim", "roles", Map.of("groups", List.of("LEADER")), List.of()),
                arguments("a path through a value that is not an object", "realm_access.roles",
                        Map.of("realm_access", "LEADER"), List.of()),
                arguments("a claim of another kind", "roles", Map.of("roles", 42), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void readsRapportsRoles(String description, String claim, Map<String, Object> claims, List<String> authorities) {
        Jwt jwt = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("someone")
                .issuedAt(Instant.parse("2026-11-22T10:00:00Z"))
                .claims(all -> all.putAll(claims))
                .build();

        assertThat(new RolesClaim(claim).convert(jwt)).map(GrantedAuthority::getAuthority)
                .containsExactlyElementsOf(authorities);
    }
}
