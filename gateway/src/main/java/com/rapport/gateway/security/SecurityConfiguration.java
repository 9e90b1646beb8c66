package com.rapport.gateway.security;

import com.rapport.gateway.imports.ImportRoute;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.ui.LogoutPageGeneratingWebFilter;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.util.StringUtils;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who may do what through the gateway. People sign in with the login form (a session cookie,
 * CSRF protected); programs send a JWT from the configured issuer or an API key. Everything
 * but the health check and the login page needs a principal; each /api route needs a role.
 *
 * <p>LEADER reads everything but writes nothing: recording outreach is STAFF's, and a leader
 * who records calls holds both roles.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final String[] ACCOUNTS_AND_OUTREACH =
            {"/api/accounts", "/api/accounts/**", "/api/outreach", "/api/outreach/**"};
    private static final String[] EVENTS = {"/api/events", "/api/events/**"};
    private static final String[] HEALTH = {"/actuator/health", "/actuator/health/**"};
    private static final String[] DASHBOARD = {"/", "/index.html"};
    // the sign-in page's look, needed before anyone has signed in
    private static final String LOGIN_PAGE_STYLE = "/login.css";

    // WebFlux's session cookie, which a browser sends along with any request to the gateway
    private static final String SESSION_COOKIE = "SESSION";

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SecurityProperties properties,
                                                  LoginAttempts loginAttempts) {
        ProblemResponses problems = new ProblemResponses();
        http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HEALTH).permitAll()
                        .pathMatchers("/login", LOGIN_PAGE_STYLE).permitAll()
                        .pathMatchers("/actuator/**").hasRole(Role.OPS.name())
                        .pathMatchers(HttpMethod.GET, EVENTS).hasAnyRole(Role.INTEGRATION.name(), Role.LEADER.name())
                        .pathMatchers(HttpMethod.GET, ACCOUNTS_AND_OUTREACH).hasAnyRole(Role.STAFF.name(), Role.LEADER.name())
                        .pathMatchers(HttpMethod.GET, "/api/insights/call-list").hasAnyRole(Role.STAFF.name(), Role.LEADER.name())
                        .pathMatchers(HttpMethod.GET, "/api/**").hasRole(Role.LEADER.name())
                        .pathMatchers(HttpMethod.POST, ACCOUNTS_AND_OUTREACH).hasRole(Role.STAFF.name())
                        .pathMatchers(HttpMethod.POST, ImportRoute.PATH).hasRole(Role.STAFF.name())
                        // a backtest of a candidate policy reads, as the other insights do; it only needs a body
                        .pathMatchers(HttpMethod.POST, "/api/insights/backtest").hasRole(Role.LEADER.name())
                        .pathMatchers(HttpMethod.PATCH, ACCOUNTS_AND_OUTREACH).hasRole(Role.STAFF.name())
                        .pathMatchers(HttpMethod.PUT, ACCOUNTS_AND_OUTREACH).hasRole(Role.STAFF.name())
                        // the health policy every assessment is made under is sales leadership's to change
                        .pathMatchers(HttpMethod.PUT, "/api/insights/policy").hasRole(Role.LEADER.name())
                        // a principal is needed everywhere else; no role opens any other /api request
                        .pathMatchers("/api/**").denyAll()
                        // the dashboard is sales leadership's; its scripts and styles only need a principal
                        .pathMatchers(HttpMethod.GET, DASHBOARD).hasRole(Role.LEADER.name())
                        .anyExchange().authenticated())
                // the dashboard's own sign-in page (dashboard.LoginPage): the generated one styles itself inline
                .formLogin(form -> form.loginPage("/login").authenticationManager(loginAttempts))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(browserWrites()).accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint(problems))
                        .accessDeniedHandler(problems))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .contentTypeOptions(options -> {
                        }))
                // ahead of everything a sign-in costs
                .addFilterBefore(new SignInRateLimit(properties.login(), browserAskingForAPage()), SecurityWebFiltersOrder.CSRF)
                .addFilterAt(new LogoutPageGeneratingWebFilter(), SecurityWebFiltersOrder.LOGOUT_PAGE_GENERATING)
                .addFilterAt(apiKeyFilter(properties.apiKeys(), problems), SecurityWebFiltersOrder.AUTHENTICATION);
        if (properties.jwt().enabled()) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.jwtDecoder(jwtDecoder(properties.jwt()))
                            .jwtAuthenticationConverter(rolesFrom(properties.jwt().rolesClaim())))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} for new hashes; reads every encoder Spring Security knows
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The people who may sign in with the form; also keeps Boot from making a user of its own. */
    @Bean
    LoginAttempts loginAttempts(SecurityProperties properties, PasswordEncoder encoder) {
        List<SecurityProperties.User> users = UserDirectory.load(properties.users(), properties.usersFile(), encoder);
        return new LoginAttempts(users, encoder, properties.login(), System::nanoTime);
    }

    /** A browser asking for a page is sent to the login form; everyone else gets a 401 problem. */
    private static DelegatingServerAuthenticationEntryPoint entryPoint(ProblemResponses problems) {
        ServerWebExchangeMatcher pageRequest = new AndServerWebExchangeMatcher(browserAskingForAPage(),
                new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**")));
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(pageRequest, new RedirectServerAuthenticationEntryPoint("/login")));
        entryPoint.setDefaultEntryPoint(problems);
        return entryPoint;
    }

    /** A browser asks for HTML by name; a program that accepts anything does not. */
    static ServerWebExchangeMatcher browserAskingForAPage() {
        MediaTypeServerWebExchangeMatcher html = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }

    /**
     * CSRF guards what a browser sends: the login and logout forms, and every write that rides on
     * a session cookie. A request that carries its own credentials in a header cannot be forged
     * by another site (it cannot set the header), and it is refused outright when they are bad;
     * a request with no credentials at all is refused as unauthenticated (401).
     */
    private static ServerWebExchangeMatcher browserWrites() {
        ServerWebExchangeMatcher forms = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/login", "/logout");
        return exchange -> CsrfWebFilter.DEFAULT_CSRF_MATCHER.matches(exchange).flatMap(unsafe -> {
            if (!unsafe.isMatch()) {
                return ServerWebExchangeMatcher.MatchResult.notMatch();
            }
            HttpHeaders headers = exchange.getRequest().getHeaders();
            String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
            if (ApiKeyAuthentication.presentedKey(headers) != null
                    || (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7))) {
                return ServerWebExchangeMatcher.MatchResult.notMatch();
            }
            if (exchange.getRequest().getCookies().containsKey(SESSION_COOKIE)) {
                return ServerWebExchangeMatcher.MatchResult.match();
            }
            return forms.matches(exchange);
        });
    }

    private static AuthenticationWebFilter apiKeyFilter(List<SecurityProperties.ApiKey> keys, ProblemResponses problems) {
        ApiKeyAuthentication apiKeys = new ApiKeyAuthentication(keys);
        AuthenticationWebFilter filter = new AuthenticationWebFilter(apiKeys);
        filter.setServerAuthenticationConverter(apiKeys);
        filter.setRequiresAuthenticationMatcher(exchange ->
                ApiKeyAuthentication.presentedKey(exchange.getRequest().getHeaders()) != null
                        ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch());
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(problems));
        return filter;
    }

    private static NimbusReactiveJwtDecoder jwtDecoder(SecurityProperties.Jwt settings) {
        // both builders fetch the keys on first use, so the gateway starts while the issuer is down
        NimbusReactiveJwtDecoder decoder = StringUtils.hasText(settings.jwkSetUri())
                ? NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build()
                : NimbusReactiveJwtDecoder.withIssuerLocation(settings.issuerUri()).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        // a token without exp would be good forever, however it leaked
        JwtTimestampValidator lifetime = new JwtTimestampValidator();
        lifetime.setAllowEmptyExpiryClaim(false);
        validators.add(lifetime);
        // the subject is the principal's name, passed on to the services and logged
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, PrincipalName::isPassable));
        if (StringUtils.hasText(settings.issuerUri())) {
            validators.add(new JwtIssuerValidator(settings.issuerUri()));
        }
        if (StringUtils.hasText(settings.audience())) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD, audiences -> audiences != null && audiences.contains(settings.audience())));
        }
        // the defaults besides: the token's type, and its certificate binding when it has one
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
        return decoder;
    }

    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> rolesFrom(String claim) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RolesClaim(claim));
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
