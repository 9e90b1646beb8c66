package com.rapport.gateway;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in page as a browser holds it: its session cookie and the form's CSRF token. */
public record SignInForm(MultiValueMap<String, String> cookies, String csrf) {

    private static final Pattern CSRF_FIELD = Pattern.compile("type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"");

    /** Opens the sign-in page, as a browser does before it posts the form. */
    public static SignInForm open(WebTestClient client) {
        EntityExchangeResult<String> page = client.get().uri("/login").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult();
        Matcher csrf = CSRF_FIELD.matcher(page.getResponseBody());
        assertThat(csrf.find()).as("a CSRF token in the login page:\n%s", page.getResponseBody()).isTrue();
        return new SignInForm(cookies(page.getResponseCookies()), csrf.group(1));
    }

    /** The form, filled in and ready to post. */
    public WebTestClient.RequestHeadersSpec<?> post(WebTestClient client, String username, String password) {
        return client.post().uri("/login")
                .cookies(jar -> jar.addAll(cookies))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", username).with("password", password).with("_csrf", csrf));
    }

    /** The cookies a response set, as a browser sends them back. */
    public static MultiValueMap<String, String> cookies(MultiValueMap<String, ResponseCookie> set) {
        MultiValueMap<String, String> cookies = new LinkedMultiValueMap<>();
        set.forEach((name, values) -> cookies.add(name, values.get(values.size() - 1).getValue()));
        return cookies;
    }
}
