package com.rapport.gateway.imports;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The problems the gateway itself finds in a line, shaped as the services shape theirs: a
 * 400 "Invalid request" whose errors name the field and the rule.
 */
final class Problems {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    static ObjectNode invalid(String field, String rule, String message) {
        ObjectNode problem = problem(400, "Invalid request", field + " " + message);
        problem.putArray("errors").addObject().put("field", field).put("rule", rule).put("message", message);
        return problem;
    }

    static ObjectNode problem(int status, String title, String detail) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "about:blank").put("title", title).put("status", status).put("detail", detail);
        return problem;
    }
}
