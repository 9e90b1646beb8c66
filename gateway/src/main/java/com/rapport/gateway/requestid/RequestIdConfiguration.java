package com.rapport.gateway.requestid;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;

@Configuration(proxyBeanMethods = false)
class RequestIdConfiguration {

    @Bean
    WebHttpHandlerBuilderCustomizer requestIdHandler() {
        return builder -> builder.httpHandlerDecorator(RequestIdHttpHandler::new);
    }

    /**
     * Spring Security applies every such customizer to the chain SecurityConfiguration builds: the
     * filter sits once the request is authenticated and before it is authorized, so that a
     * request refused for its roles (403) is logged with its principal too.
     */
    @Bean
    Customizer<ServerHttpSecurity> requestPrincipalFilter() {
        return http -> http.addFilterBefore(new RequestPrincipalFilter(), SecurityWebFiltersOrder.AUTHORIZATION);
    }
}
