package com.rapport.gateway.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A token's roles, from the claim the issuer puts them in: a top-level claim ({@code roles}) or
 * one nested in objects, named by a dotted path ({@code realm_access.roles}, as Keycloak writes
 * them). The claim may be a list or a space-separated string. Only Rapport's roles count; an
 * issuer's other roles are no business of the gateway.
 */
final class RolesClaim implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final List<String> path;

    RolesClaim(String claim) {
        this.path = List.of(claim.split("\\."));
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        Object value = jwt.getClaims();
        for (String name : path) {
            if (!(value instanceof Map<?, ?> claims)) {
                return List.of();
            }
            value = claims.get(name);
        }
        List<String> names;
        if (value instanceof Collection<?> list) {
            names = list.stream().map(String::valueOf).toList();
        } else if (value instanceof String text) {
            names = List.of(text.trim().split("\\s+"));
        } else {
            names = List.of();
        }
        return names.stream()
                .filter(Role::isRole)
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(Role.valueOf(role).authority()))
                .distinct()
                .toList();
    }
}
