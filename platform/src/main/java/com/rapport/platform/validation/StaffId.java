package com.rapport.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A member of staff's id: a user name or directory id, printable, no spaces; null is valid. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@Size(min = 1, max = 100)
@Pattern(regexp = "[A-Za-z0-9._@-]+")
@ReportAsSingleViolation
public @interface StaffId {

    String message() default "must be a staff id of 1 to 100 letters, digits or . _ @ -";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
