package com.rapport.gateway.imports;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param chunkLines   how many lines the gateway sends a service at once; each chunk is one transaction there
 * @param chunkTimeout how long a service may take to answer a chunk before the import stops
 */
@Validated
@ConfigurationProperties("rapport.import")
record ImportSettings(@DefaultValue("500") @Min(1) @Max(10_000) int chunkLines,
                      @DefaultValue("PT2M") Duration chunkTimeout) {
}
