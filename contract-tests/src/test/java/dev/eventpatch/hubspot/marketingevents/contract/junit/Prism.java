package dev.eventpatch.hubspot.marketingevents.contract.junit;

import dev.eventpatch.hubspot.marketingevents.contract.prism.PrismMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Picks the mode of the shared Prism that {@link PrismExtension} injects into a
 * {@code PrismMock} parameter; a parameter without it gets the static-examples Prism.
 *
 * <pre>{@code
 * @Test
 * void parsesRandomResponses(@Prism(PrismMode.DYNAMIC) PrismMock prism) { ... }
 * }</pre>
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Prism {

  /** The mode of the Prism to inject. */
  PrismMode value();
}
