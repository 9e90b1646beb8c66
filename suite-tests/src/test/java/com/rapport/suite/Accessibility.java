package com.rapport.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Deque's axe-core, run in the page the browser shows, for the WCAG 2.1 A and AA rules. The engine is
 * kept among the test resources (axe-core/axe.min.js, MPL-2.0, its licence beside it), so that a check
 * needs nothing from outside.
 */
final class Accessibility {

    private static final String ENGINE = "/axe-core/axe.min.js";
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                .then(results => done(results.violations.map(violation => violation.id + ' (' + violation.impact + '): '
                    + violation.help + ' at ' + violation.nodes.map(node => node.target.join(' ')).join(', '))))
                .catch(error => done(['axe did not run: ' + error]));""";

    private Accessibility() {
    }

    /** What axe finds wrong with the page as shown now, one line a rule: its id, how bad, and where. */
    static List<String> violations(Browser browser) {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object'"))) {
            browser.script(engine());
        }
        Object found = browser.asyncScript(RUN);
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    private static String engine() {
        try (InputStream in = Accessibility.class.getResourceAsStream(ENGINE)) {
            if (in == null) {
                throw new IllegalStateException(ENGINE + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
