package com.rapport.platform.processing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a projection whose event handlers only collect the events of a batch, to apply them when the
 * batch commits, each share in a {@link Savepoint} of its own: a savepoint around each handler would
 * only cost two round trips per event (see {@link EventHandlerSavepoints}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AppliedInBatches {
}
