package com.rapport.gateway.bodysize;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BodySizeProperties.class)
class BodySizeConfiguration {

    @Bean
    WebFilter bodySizeLimit(BodySizeProperties properties) {
        return new BodySizeLimit(properties);
    }
}
