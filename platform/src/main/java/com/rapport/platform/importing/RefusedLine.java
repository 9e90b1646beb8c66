package com.rapport.platform.importing;

import org.springframework.http.ProblemDetail;

/**
 * A line that wrote nothing, and why: the status and problem body its single endpoint answers.
 *
 * @param line the line's number in the body, counting from 1
 * @param type the line's {@code type}, if it named one
 */
public record RefusedLine(int line, String type, int status, ProblemDetail problem) {
}
