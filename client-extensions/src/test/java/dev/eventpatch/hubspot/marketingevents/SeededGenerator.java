package dev.eventpatch.hubspot.marketingevents;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws generated test inputs from one seed, so that a failing run can be replayed exactly: the
 * same seed gives the same inputs in the same order. A suite gets its own stream, derived from
 * the run's seed and the suite's name, so that adding a suite or changing how many cases one
 * draws leaves the other suites' inputs as they were.
 */
final class SeededGenerator {
  /** The system property that replays a run: {@code -Dbadinput.seed=N}. */
  static final String SEED_PROPERTY = "badinput.seed";

  /** How one value is drawn. */
  @FunctionalInterface
  interface Gen<T> {
    T draw(SeededGenerator g);

    /** @return a generator drawing this one's value and mapping it */
    default <R> Gen<R> map(java.util.function.Function<? super T, ? extends R> mapping) {
      return g -> mapping.apply(draw(g));
    }

    /** @return a generator of lists of {@code min} to {@code max} values drawn from this one */
    default Gen<List<T>> list(int min, int max) {
      return g -> {
        int size = g.between(min, max);
        List<T> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          values.add(draw(g));
        }
        return values;
      };
    }
  }

  private final SplittableRandom random;

  SeededGenerator(long seed) {
    random = new SplittableRandom(seed);
  }

  /**
   * @param property the seed property's value, or null
   * @param fresh the seed to use when none is given
   * @return the seed to run with
   * @throws IllegalArgumentException if the property is set but is not a whole number
   */
  static long seed(String property, long fresh) {
    if (property == null || property.isBlank()) {
      return fresh;
    }
    try {
      return Long.parseLong(property.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(SEED_PROPERTY + " must be a whole number, got '" + property + "'", e);
    }
  }

  /** @return the generator of one suite of a run */
  static SeededGenerator forSuite(long runSeed, String suite) {
    // The name's hash goes through SplittableRandom's own mixing, so that similar names (and
    // runSeed 0) still give unrelated streams.
    return new SeededGenerator(new SplittableRandom(runSeed ^ suite.hashCode() * 0x9E3779B97F4A7C15L).nextLong());
  }

  /** @return an int from {@code min} to {@code max}, both included */
  int between(int min, int max) {
    return (int) between((long) min, (long) max);
  }

  /** @return a long from {@code min} to {@code max}, both included */
  long between(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException(min + " > " + max);
    }
    if (max < Long.MAX_VALUE) {
      return random.nextLong(min, max + 1);
    }
    if (min > Long.MIN_VALUE) {
      return random.nextLong(min - 1, max) + 1;
    }
    return random.nextLong();
  }

  /** @return any long, every bit pattern equally likely */
  long anyLong() {
    return random.nextLong();
  }

  /** @return true or false, equally likely */
  boolean bool() {
    return random.nextBoolean();
  }

  /** @return a double from 0 (included) to 1 (excluded) */
  double unit() {
    return random.nextDouble();
  }

  /** @return one of the values, each equally likely */
  @SafeVarargs
  final <T> T oneOf(T... values) {
    return values[random.nextInt(values.length)];
  }

  /** @return one of the values, each equally likely */
  <T> T oneOf(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** @return a string of {@code min} to {@code max} chars, each from {@code first} to {@code last} */
  String chars(char first, char last, int min, int max) {
    int length = between(min, max);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) between(first, last));
    }
    return text.toString();
  }

  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  /** @return zero to {@code max} ASCII letters and digits */
  String alnum(int max) {
    int length = between(0, max);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    return text.toString();
  }

  /** @return a value of one of the generators, each equally likely */
  @SafeVarargs
  static <T> Gen<T> oneOfGens(Gen<? extends T>... gens) {
    return oneOfGens(List.of(gens));
  }

  /** @return a value of one of the generators, each equally likely */
  static <T> Gen<T> oneOfGens(List<? extends Gen<? extends T>> gens) {
    List<Gen<? extends T>> copy = List.copyOf(gens);
    return g -> g.oneOf(copy).draw(g);
  }

  /** One choice of {@link #frequency}: how often, out of the weights' sum, it is drawn. */
  record Weighted<T>(int weight, Gen<? extends T> gen) {}

  /** @return a choice of weight {@code weight} */
  static <T> Weighted<T> weight(int weight, Gen<? extends T> gen) {
    return new Weighted<>(weight, gen);
  }

  /** @return a value of one of the generators, each drawn in proportion to its weight */
  @SafeVarargs
  static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
    List<Weighted<? extends T>> all = List.of(choices);
    int total = all.stream().mapToInt(Weighted::weight).sum();
    return g -> {
      int pick = g.between(0, total - 1);
      for (Weighted<? extends T> choice : all) {
        pick -= choice.weight();
        if (pick < 0) {
          return choice.gen().draw(g);
        }
      }
      throw new AssertionError("weights sum to " + total);
    };
  }
}
