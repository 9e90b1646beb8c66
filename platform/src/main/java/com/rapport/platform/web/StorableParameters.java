package com.rapport.platform.web;

import com.rapport.platform.problem.InvalidField;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Refuses a request whose query parameters or path variables hold text that is not
 * {@link StorableText}, before any handler reads them: a search for U+0000 would otherwise
 * reach PostgreSQL and fail there.
 * <p>
 * The query is first read as sent: a surrogate without its pair can only be sent as bytes that
 * are not UTF-8 (%ED%A0%80), and Tomcat fails on those with an exception that names no parameter.
 */
final class StorableParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        requireUtf8(request.getQueryString());
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                requireStorable(name, value);
            }
        });
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> requireStorable(String.valueOf(name), String.valueOf(value)));
        }
        return true;
    }

    private static void requireUtf8(String query) {
        if (query == null) {
            return;
        }
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (!isUtf8(parameter)) {
                throw new InvalidField(isUtf8(name) ? URLDecoder.decode(name, StandardCharsets.UTF_8) : name,
                        StorableText.RULE, "must be text in UTF-8, percent-encoded");
            }
        }
    }

    private static boolean isUtf8(String percentEncoded) {
        try {
            // ISO-8859-1 maps each byte to one char and back: the bytes exactly as sent
            byte[] sent = URLDecoder.decode(percentEncoded, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(sent));
            return true;
        } catch (IllegalArgumentException | CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static void requireStorable(String name, String value) {
        if (!StorableText.isStorable(value)) {
            throw new InvalidField(name, StorableText.RULE, StorableText.MESSAGE);
        }
    }
}
