package dev.eventpatch.hubspot.marketingevents.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        LineDiff diff = LineDiff.between(List.of("a", "b"), List.of("a", "b"));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.unified("old", "new")).isEmpty();
    }

    @Test
    void showsAChangeWithThreeLinesOfContextEachSide() {
        List<String> before = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");
        List<String> after = List.of("1", "2", "3", "4", "five", "6", "7", "8", "9");

        LineDiff diff = LineDiff.between(before, after);

        assertThat(diff.removed()).isEqualTo(1);
        assertThat(diff.added()).isEqualTo(1);
        assertThat(diff.unified("old", "new")).containsExactly(
                "--- old", "+++ new", "@@ -2,7 +2,7 @@", " 2", " 3", " 4", "-5", "+five", " 6", " 7", " 8");
    }

    @Test
    void splitsDistantChangesIntoHunksAndJoinsNearOnes() {
        List<String> before = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n");
        List<String> after = List.of("A", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "N");

        assertThat(LineDiff.between(before, after).unified("old", "new")).containsExactly(
                "--- old", "+++ new",
                "@@ -1,4 +1,4 @@", "-a", "+A", " b", " c", " d",
                "@@ -11,4 +11,4 @@", " k", " l", " m", "-n", "+N");
        assertThat(LineDiff.between(List.of("a", "b", "c"), List.of("A", "b", "C")).unified("o", "n"))
                .containsExactly("--- o", "+++ n", "@@ -1,3 +1,3 @@", "-a", "+A", " b", "-c", "+C");
    }

    @Test
    void pureAdditionsRemoveNothingAndPureRemovalsAddNothing() {
        assertThat(LineDiff.between(List.of("a", "c"), List.of("a", "b", "c", "d")).removed()).isZero();
        assertThat(LineDiff.between(List.of("a", "b", "c", "d"), List.of("b", "d")).added()).isZero();
    }

    @Test
    void diffsAgainstAnEmptyText() {
        assertThat(LineDiff.between(List.of(), List.of("x")).unified("o", "n"))
                .containsExactly("--- o", "+++ n", "@@ -0,0 +1,1 @@", "+x");
    }
}
