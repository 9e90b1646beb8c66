package com.rapport.platform.web;

import com.rapport.platform.problem.InvalidField;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

/**
 * Refuses a request whose query parameters or path variables hold text that is not
 * {@link StorableText}, before any handler reads them: a search for U+0000 would otherwise
 * reach PostgreSQL and fail there.
 */
final class StorableParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
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

    private static void requireStorable(String name, String value) {
        if (!StorableText.isStorable(value)) {
            throw new InvalidField(name, StorableText.RULE, StorableText.MESSAGE);
        }
    }
}
