package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketingEventUpdateTest {

  @Test
  void anEmptyUpdateIsRejectedUnlessAskedFor() {
    assertThatThrownBy(() -> MarketingEventUpdate.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sets nothing");

    assertThat(MarketingEventUpdate.builder().allowEmpty().build().isEmpty()).isTrue();
  }

  @Test
  void anEndBeforeTheStartIsRejected() {
    assertThatThrownBy(
            () ->
                MarketingEventUpdate.builder()
                    .startDateTime(Instant.parse("2026-12-01T16:00:00Z"))
                    .endDateTime(Instant.parse("2026-12-01T15:59:59Z"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endDateTime")
        .hasMessageContaining("startDateTime");
  }

  @Test
  void anEndEqualToTheStartIsAccepted() {
    Instant at = Instant.parse("2026-12-01T16:00:00Z");
    assertThat(MarketingEventUpdate.builder().startDateTime(at).endDateTime(at).build().endDateTime()).contains(at);
  }

  @Test
  void dateTimesOutsideFourDigitYearsAreRejectedNamingTheField() {
    assertThatThrownBy(() -> MarketingEventUpdate.builder().startDateTime(Instant.parse("+10000-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startDateTime");
  }

  @Test
  void aLaterValueForTheSameNameReplacesTheEarlierInPlace() {
    MarketingEventUpdate update =
        MarketingEventUpdate.builder()
            .customProperty(CustomProperty.number("a", 1))
            .customProperty(CustomProperty.number("b", 2))
            .customProperty(CustomProperty.number("a", 3))
            .build();

    assertThat(update.customProperties())
        .containsExactly(CustomProperty.number("a", 3), CustomProperty.number("b", 2));
  }

  @Test
  void toBuilderKeepsEverythingAndDerivesWithoutChangingTheOriginal() {
    MarketingEventUpdate original =
        MarketingEventUpdate.builder()
            .eventName("n")
            .eventType(EventType.CONFERENCE)
            .eventCancelled(true)
            .customProperty(CustomProperty.text("t", "v"))
            .build();

    MarketingEventUpdate derived =
        original.toBuilder().eventName("m").customProperty(CustomProperty.text("t", "w")).build();

    assertThat(original.toBuilder().build()).isEqualTo(original);
    assertThat(original.eventName()).contains("n");
    assertThat(original.customProperties()).containsExactly(CustomProperty.text("t", "v"));
    assertThat(derived.eventName()).contains("m");
    assertThat(derived.eventType()).contains("CONFERENCE");
    assertThat(derived.eventCancelled()).contains(true);
    assertThat(derived.customProperties()).containsExactly(CustomProperty.text("t", "w"));
  }

  @Test
  void theCustomPropertyListCannotBeModified() {
    MarketingEventUpdate update = MarketingEventUpdate.builder().customProperty(CustomProperty.text("t", "v")).build();

    assertThatThrownBy(() -> update.customProperties().add(CustomProperty.text("x", "y")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void removeCustomPropertyForgetsIt() {
    MarketingEventUpdate update =
        MarketingEventUpdate.builder()
            .eventName("n")
            .customProperties(List.of(CustomProperty.text("a", "1"), CustomProperty.text("b", "2")))
            .removeCustomProperty("a")
            .build();

    assertThat(update.customProperties()).extracting(CustomProperty::name).containsExactly("b");
  }

  @Test
  void nullsAreRejectedNamingTheField() {
    assertThatThrownBy(() -> MarketingEventUpdate.builder().eventName(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("eventName");
  }
}
