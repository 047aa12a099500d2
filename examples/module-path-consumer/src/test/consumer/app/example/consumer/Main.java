package example.consumer;

import dev.eventpatch.hubspot.marketingevents.CustomProperty;
import dev.eventpatch.hubspot.marketingevents.MarketingEvent;
import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.exception.NotFoundException;

/** Sends one update to the base URL given, then one that the server answers 404, and prints what came back. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    String baseUrl = args[0];
    Module client = MarketingEventsClient.class.getModule();
    System.out.println("consumer-module=" + Main.class.getModule().getName());
    System.out.println("client-module=" + client.getName());
    System.out.println("client-exports-internal="
        + client.isExported("dev.eventpatch.hubspot.marketingevents.internal"));
    try (MarketingEventsClient events =
        MarketingEventsClient.builder().accessToken("module-path-token").baseUrl(baseUrl).build()) {
      MarketingEvent event =
          events.update("webinar-1", "account-1",
              MarketingEventUpdate.builder()
                  .eventName("Module path webinar")
                  .customProperty(CustomProperty.text("room", "Hall B"))
                  .build());
      System.out.println("event-id=" + event.id());
      System.out.println("event-name=" + event.eventName());
      System.out.println("room=" + event.customProperties().getText("room").orElse("?"));
      try {
        events.update("missing", "account-1", MarketingEventUpdate.builder().eventName("x").build());
        System.out.println("missing=updated");
      } catch (NotFoundException expected) {
        System.out.println("missing=" + expected.getClass().getSimpleName() + " " + expected.statusCode());
      }
    }
  }
}
