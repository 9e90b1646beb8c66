package com.rapport.platform.processing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the platform judges its event processors.
 *
 * @param stuckAfter how long a segment may stay behind the head of the store without moving before its
 *                   processor reads as unhealthy; longer than the minute a failing segment may wait
 *                   between two attempts, so that a processor recovering from a database outage is not
 *                   taken for stuck
 */
@Validated
@ConfigurationProperties("rapport.processing")
public record ProcessingProperties(@DefaultValue("PT2M") Duration stuckAfter) {
}
