package com.rapport.insights.policy;

import com.rapport.insights.health.HealthPolicy;
import com.rapport.platform.problem.InvalidField;
import com.rapport.platform.web.StrictJson;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A health policy to try or to put in force: the policy in force with the changes a request gives, in the
 * JSON shape of {@link HealthPolicy}. The changes are merged property by property, and a map entry by entry, so that
 * {@code {"cadenceDays": {"KEY": 21}}} changes the key accounts' cadence alone; an entry set to null
 * removes it (no face-time expectation for that tier, say).
 * <p>
 * The merged policy is read as strictly as any request body, and refused as the body's own fields are:
 * the problem names {@code <field>.<setting>} and the rule. One that contradicts itself is refused
 * naming the change that, left out, would make it whole again: the rules stay {@link HealthPolicy}'s own.
 */
@Component
public class CandidatePolicies {

    static final String RULE = "Consistent";

    /** The candidate under the name the request gives its changes, so that a wrong type names {@code <field>.<setting>}. */
    private static final TypeReference<Map<String, HealthPolicy>> NAMED = new TypeReference<>() {
    };

    private final JsonMapper json;
    private final JsonMapper strict;

    CandidatePolicies(JsonMapper json) {
        this.json = json;
        this.strict = StrictJson.forRequests(json);
    }

    /**
     * @param field   the request's field that holds the changes, e.g. {@code policy}
     * @param request the request, for the refusal of a change of the wrong type
     * @throws InvalidField                    when the merged policy contradicts itself
     * @throws HttpMessageNotReadableException when a change has the wrong type, naming its path from {@code field}
     */
    public HealthPolicy over(HealthPolicy inForce, ObjectNode changes, String field, HttpServletRequest request) {
        try {
            return merged(inForce, changes, field);
        } catch (ValueInstantiationException contradiction) {
            String blamed = leaves(field, changes).stream()
                    .filter(leaf -> consistentWithout(inForce, changes, field, leaf))
                    .findFirst()
                    .orElse(field);
            throw new InvalidField(blamed, RULE, "contradicts the rest of the policy: "
                    + contradiction.getCause().getMessage());
        } catch (JacksonException unfit) {
            throw new HttpMessageNotReadableException("The policy does not fit: " + unfit.getOriginalMessage(), unfit,
                    new ServletServerHttpRequest(request));
        }
    }

    private HealthPolicy merged(HealthPolicy inForce, JsonNode changes, String field) {
        ObjectNode policy = json.valueToTree(inForce);
        merge(policy, changes);
        ObjectNode candidate = json.createObjectNode();
        candidate.set(field, policy);
        return strict.readerFor(NAMED).<Map<String, HealthPolicy>>readValue(candidate).get(field);
    }

    private static void merge(ObjectNode into, JsonNode changes) {
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            JsonNode current = into.get(change.getKey());
            if (current instanceof ObjectNode object && change.getValue().isObject()) {
                merge(object, change.getValue());
            } else {
                into.set(change.getKey(), change.getValue());
            }
        }
    }

    /** The paths of the values a change sets, e.g. {@code policy.cadenceDays.KEY}, in the order given. */
    private static List<String> leaves(String path, JsonNode changes) {
        List<String> leaves = new ArrayList<>();
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            String leaf = path + "." + change.getKey();
            if (change.getValue().isObject() && !change.getValue().isEmpty()) {
                leaves.addAll(leaves(leaf, change.getValue()));
            } else {
                leaves.add(leaf);
            }
        }
        return leaves;
    }

    private boolean consistentWithout(HealthPolicy inForce, ObjectNode changes, String field, String leaf) {
        ObjectNode fewer = changes.deepCopy();
        String[] steps = leaf.substring(field.length() + 1).split("\\.");
        JsonNode parent = fewer;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.get(steps[i]);
        }
        ((ObjectNode) parent).remove(steps[steps.length - 1]);
        try {
            merged(inForce, fewer, field);
            return true;
        } catch (JacksonException stillWrong) {
            return false;
        }
    }
}
