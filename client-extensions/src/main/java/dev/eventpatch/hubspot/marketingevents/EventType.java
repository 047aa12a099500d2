package dev.eventpatch.hubspot.marketingevents;

/**
 * Common values of an event's type. HubSpot takes any text here; these are the ones its
 * documentation names.
 */
public final class EventType {
  /** An online presentation. */
  public static final String WEBINAR = "WEBINAR";
  /** A conference. */
  public static final String CONFERENCE = "CONFERENCE";
  /** A hands-on workshop. */
  public static final String WORKSHOP = "WORKSHOP";

  private EventType() {}
}
