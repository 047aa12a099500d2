package dev.eventpatch.hubspot.marketingevents.internal;

/**
 * How long fuzzing mode ({@code JAZZER_FUZZ=1}) fuzzes one target: the build's
 * {@code jazzer.max_duration} (60s unless {@code -Djazzer.max_duration=5m} says otherwise).
 * {@code @FuzzTest(maxDuration)} takes only a constant, so the build writes this class from
 * src/test/templates. Regression runs over the committed inputs ignore it.
 */
final class FuzzBudget {
  static final String MAX_DURATION = "${jazzer.max_duration}";

  private FuzzBudget() {}
}
