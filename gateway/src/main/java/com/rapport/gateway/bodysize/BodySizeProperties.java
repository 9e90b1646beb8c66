package com.rapport.gateway.bodysize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** @param maxBodySize the largest request body the gateway accepts (bytes unless a unit is given) */
@ConfigurationProperties("rapport.request")
@Validated
record BodySizeProperties(@DefaultValue("1MB") DataSize maxBodySize) {
}
