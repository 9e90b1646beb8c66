package com.rapport.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable external name and revision of a published event. Stored events and the event
 * feed carry these, never the Java class name, so records can move and be renamed without
 * breaking history or consumers.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** e.g. {@code rapport.accounts.account-opened} */
    String name();

    /** raised with every change to the event's shape, together with an upcaster */
    int revision() default 1;
}
