package com.rapport.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The revision of its event that added a field; a field without it was there from revision 1.
 * Events stored in an earlier revision lack the field, and load with it null: it was not recorded.
 * The shape of every revision is therefore known from the record alone (see
 * {@link PublishedLanguage#fieldsAt}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface AddedIn {

    /** the revision, 2 or later */
    int value();
}
