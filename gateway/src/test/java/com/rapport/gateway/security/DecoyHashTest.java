package com.rapport.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecoyHashTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void costsWhatMostUsersHashesCost() {
        List<String> hashes = List.of(bcrypt(4, "one"), bcrypt(5, "two"), bcrypt(4, "three"));

        String decoy = DecoyHash.like(hashes, encoder);

        assertThat(decoy).startsWith("{bcrypt}$2a$04$");
        assertThat(encoder.matches("one", decoy)).isFalse();
    }

    @Test
    void isTheEncodersOwnWhenNoUserHasABcryptHash() {
        assertThat(DecoyHash.like(List.of("{noop}secret"), encoder)).startsWith("{bcrypt}$2a$10$");
    }

    private static String bcrypt(int cost, String password) {
        return "{bcrypt}" + new BCryptPasswordEncoder(cost).encode(password);
    }
}
