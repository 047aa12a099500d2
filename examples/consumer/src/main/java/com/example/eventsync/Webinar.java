package com.example.eventsync;

import java.time.LocalDate;
import java.util.Objects;

/** A webinar as the team's own platform holds it. */
public final class Webinar {
  private final String id;
  private final String title;
  private final int seatsLeft;
  private final LocalDate launchDate;

  public Webinar(String id, String title, int seatsLeft, LocalDate launchDate) {
    this.id = Objects.requireNonNull(id, "id == null");
    this.title = Objects.requireNonNull(title, "title == null");
    this.seatsLeft = seatsLeft;
    this.launchDate = Objects.requireNonNull(launchDate, "launchDate == null");
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public int seatsLeft() {
    return seatsLeft;
  }

  public LocalDate launchDate() {
    return launchDate;
  }
}
