package dev.eventpatch.hubspot.marketingevents.buildtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void ignoresTheQualifier() {
        assertThat(Version.parse("0.1.0-SNAPSHOT")).isEqualTo(new Version(0, 1, 0));
        assertThat(Version.parse("2.10.3")).isEqualTo(new Version(2, 10, 3));
    }

    @Test
    void nextMajorBelowOneIsOneZeroZero() {
        assertThat(Version.parse("0.4.2").nextMajor()).hasToString("1.0.0");
        assertThat(Version.parse("0.4.2").nextMinor()).hasToString("0.5.0");
    }

    @Test
    void onlyAHigherMajorCountsAsANewMajor() {
        Version baseline = Version.parse("0.1.0");

        assertThat(Version.parse("0.2.0-SNAPSHOT").isNewMajorOver(baseline)).isFalse();
        assertThat(Version.parse("0.1.0-SNAPSHOT").isNewMajorOver(baseline)).isFalse();
        assertThat(Version.parse("1.0.0-SNAPSHOT").isNewMajorOver(baseline)).isTrue();
    }

    @Test
    void rejectsWhatIsNotMajorMinorPatch() {
        assertThatThrownBy(() -> Version.parse("1.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1.0'");
        assertThatThrownBy(() -> Version.parse("LATEST")).isInstanceOf(IllegalArgumentException.class);
    }
}
