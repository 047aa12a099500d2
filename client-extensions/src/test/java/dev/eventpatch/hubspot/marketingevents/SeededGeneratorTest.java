package dev.eventpatch.hubspot.marketingevents;

import static dev.eventpatch.hubspot.marketingevents.SeededGenerator.frequency;
import static dev.eventpatch.hubspot.marketingevents.SeededGenerator.weight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventpatch.hubspot.marketingevents.SeededGenerator.Gen;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeededGeneratorTest {
  private static final Gen<List<Object>> MIXED =
      g -> List.of(g.between(-5, 5), g.anyLong(), g.alnum(6), g.chars('a', 'z', 0, 4), g.bool(), g.unit());

  private static List<List<Object>> draws(SeededGenerator g, int n) {
    return IntStream.range(0, n).mapToObj(i -> MIXED.draw(g)).toList();
  }

  @Test
  void theSameSeedDrawsTheSameValuesInTheSameOrder() {
    assertThat(draws(SeededGenerator.forSuite(42, "ids"), 200))
        .isEqualTo(draws(SeededGenerator.forSuite(42, "ids"), 200));
  }

  @Test
  void suitesAndSeedsDrawDifferentStreams() {
    List<List<Object>> ids = draws(SeededGenerator.forSuite(42, "ids"), 50);
    assertThat(draws(SeededGenerator.forSuite(42, "dates"), 50)).isNotEqualTo(ids);
    assertThat(draws(SeededGenerator.forSuite(43, "ids"), 50)).isNotEqualTo(ids);
  }

  @Test
  void theSeedPropertyReplaysAGivenSeedElseTheFreshOne() {
    assertThat(SeededGenerator.seed("-8120334", 7)).isEqualTo(-8120334L);
    assertThat(SeededGenerator.seed(" 12 ", 7)).isEqualTo(12L);
    assertThat(SeededGenerator.seed(null, 7)).isEqualTo(7L);
    assertThat(SeededGenerator.seed("", 7)).isEqualTo(7L);
    assertThatThrownBy(() -> SeededGenerator.seed("twelve", 7))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(SeededGenerator.SEED_PROPERTY);
  }

  @Test
  void boundsAreInclusiveUpToTheWholeLongRange() {
    SeededGenerator g = new SeededGenerator(1);
    Map<Integer, Integer> seen = new HashMap<>();
    for (int i = 0; i < 2_000; i++) {
      seen.merge(g.between(-2, 2), 1, Integer::sum);
      assertThat(g.between(Long.MAX_VALUE - 1, Long.MAX_VALUE)).isGreaterThanOrEqualTo(Long.MAX_VALUE - 1);
      assertThat(g.between(Long.MIN_VALUE, Long.MIN_VALUE + 1)).isLessThanOrEqualTo(Long.MIN_VALUE + 1);
      g.between(Long.MIN_VALUE, Long.MAX_VALUE);
    }
    assertThat(seen).containsOnlyKeys(-2, -1, 0, 1, 2);
    assertThat(g.between(7L, 7L)).isEqualTo(7L);
    assertThatThrownBy(() -> g.between(2, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void frequencyDrawsInProportionToTheWeights() {
    Gen<String> gen = frequency(weight(3, g -> "often"), weight(1, g -> "rarely"), weight(0, g -> "never"));
    SeededGenerator g = new SeededGenerator(5);
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 4_000; i++) {
      counts.merge(gen.draw(g), 1, Integer::sum);
    }
    assertThat(counts).doesNotContainKey("never");
    // 3,000 and 1,000 expected; five standard deviations (about 27) either way.
    assertThat(counts.get("often")).isBetween(2_860, 3_140);
    assertThat(counts.get("rarely")).isBetween(860, 1_140);
  }

  @Test
  void listsHaveSizesWithinTheirBounds() {
    SeededGenerator g = new SeededGenerator(9);
    Gen<List<Integer>> lists = ((Gen<Integer>) x -> x.between(0, 9)).list(0, 3);
    for (int i = 0; i < 500; i++) {
      assertThat(lists.draw(g)).hasSizeBetween(0, 3).allSatisfy(n -> assertThat(n).isBetween(0, 9));
    }
  }
}
