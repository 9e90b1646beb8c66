package com.rapport.gateway.requestid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc-123", "trace.7:a_b", "0"})
    void acceptsAShortPrintableId(String offered) {
        assertThat(RequestId.acceptOrCreate(offered)).isEqualTo(offered);
    }

    @Test
    void acceptsAnIdOfOneHundredCharacters() {
        assertThat(RequestId.acceptOrCreate("a".repeat(100))).hasSize(100);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "new\nline", "semi;colon", "ünïcode", "<script>"})
    void createsAnIdInsteadOfAnUnacceptableOne(String offered) {
        assertThat(UUID.fromString(RequestId.acceptOrCreate(offered))).isNotNull();
    }

    @Test
    void createsAnIdInsteadOfALongOne() {
        assertThat(UUID.fromString(RequestId.acceptOrCreate("a".repeat(101)))).isNotNull();
    }
}
