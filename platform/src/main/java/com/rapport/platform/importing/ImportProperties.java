package com.rapport.platform.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param catchUpWait how long a chunk of an import waits for this service's read model to see what
 *                    another service's chunk just recorded (the accounts it names) before it is
 *                    answered 503 and the import stops
 */
@Validated
@ConfigurationProperties("rapport.import")
public record ImportProperties(@DefaultValue("PT30S") Duration catchUpWait) {
}
