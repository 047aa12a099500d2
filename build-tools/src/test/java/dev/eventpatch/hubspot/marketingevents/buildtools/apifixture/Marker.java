package dev.eventpatch.hubspot.marketingevents.buildtools.apifixture;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** An annotation type. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Marker {
    String value() default "";
}
