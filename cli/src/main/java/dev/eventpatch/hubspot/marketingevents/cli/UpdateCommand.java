package dev.eventpatch.hubspot.marketingevents.cli;

import dev.eventpatch.hubspot.marketingevents.CustomProperty;
import dev.eventpatch.hubspot.marketingevents.MarketingEvent;
import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.PropertyReport;
import dev.eventpatch.hubspot.marketingevents.RateLimitStatus;
import dev.eventpatch.hubspot.marketingevents.ApiVersion;
import dev.eventpatch.hubspot.marketingevents.RequestOptions;
import dev.eventpatch.hubspot.marketingevents.UpdateResponse;
import dev.eventpatch.hubspot.marketingevents.exception.ApiConnectionException;
import dev.eventpatch.hubspot.marketingevents.exception.DecodingException;
import dev.eventpatch.hubspot.marketingevents.exception.HubSpotApiException;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code update}: sends one update and prints what happened. */
@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description = {
      "Updates a marketing event by the ids of the external application that created it.",
      "",
      "Target: --base-url or HUBSPOT_BASE_URL; token from HUBSPOT_ACCESS_TOKEN (never an argument).",
      "With neither, runs against an embedded Prism mock of the spec. With a token only, calls HubSpot."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the update succeeded",
      "2:bad usage or bad input",
      "3:HubSpot (or the mock) answered with an error",
      "4:network failure: no answer came back"
    })
final class UpdateCommand implements Callable<Integer> {
  static final int OK = 0;
  static final int BAD_INPUT = 2;
  static final int API_ERROR = 3;
  static final int NETWORK_ERROR = 4;

  @Spec CommandSpec spec;

  @Option(names = "--external-event-id", required = true, paramLabel = "ID",
      description = "The event's id in the external event application.")
  String externalEventId;

  @Option(names = "--external-account-id", required = true, paramLabel = "ID",
      description = "The id of the account, in the external application, that owns the event.")
  String externalAccountId;

  @Option(names = "--name", description = "New event name.") String name;
  @Option(names = "--type", description = "New event type: WEBINAR, CONFERENCE, WORKSHOP or any text.") String type;
  @Option(names = "--organizer", description = "New organizer name.") String organizer;
  @Option(names = "--url", description = "Where the event is managed in the external application.") String url;
  @Option(names = "--description", description = "New description.") String description;

  @Option(names = "--start", paramLabel = "ISO", description = "Start, ISO 8601 (2026-12-01T16:00:00Z).")
  String start;

  @Option(names = "--end", paramLabel = "ISO", description = "End, ISO 8601.") String end;

  @Option(names = "--cancelled", arity = "1", paramLabel = "true|false", description = "Whether the event is cancelled.")
  Boolean cancelled;

  @Option(names = "--completed", arity = "1", paramLabel = "true|false", description = "Whether the event took place.")
  Boolean completed;

  @Option(names = "--property", paramLabel = "NAME[:TYPE]=VALUE",
      description = {"A custom property value; repeatable. TYPE is one of " + PropertyArgument.TYPES
          + " (default text).", "Examples: seats:number=120 launch:date=2026-12-01 "
          + "opens:datetime=2026-12-01T09:00:00Z paid:bool=true tracks:multi=a;b promo:clear="})
  List<String> properties = new ArrayList<>();

  @Option(names = "--base-url", paramLabel = "URL", description = "API root; overrides HUBSPOT_BASE_URL.")
  String baseUrl;

  @Option(names = "--json", description = "Print HubSpot's JSON answer instead of the summary.")
  boolean json;

  @Option(names = "--api-version", paramLabel = "VERSION",
      description = "HubSpot API version to call: 2026-09 (default), 2026-03 or v3.")
  String apiVersion;

  private final Environment env;
  private final EmbeddedMock.Starter mockStarter;

  UpdateCommand(Environment env, EmbeddedMock.Starter mockStarter) {
    this.env = env;
    this.mockStarter = mockStarter;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    MarketingEventUpdate update;
    ApiVersion version;
    try {
      requireId("externalEventId", externalEventId);
      requireId("externalAccountId", externalAccountId);
      version = apiVersion == null ? ApiVersion.DEFAULT : ApiVersion.of(apiVersion);
      update = buildUpdate();
    } catch (IllegalArgumentException | NullPointerException e) {
      err.println("error: " + e.getMessage());
      return BAD_INPUT;
    }
    String token = env.nonBlank("HUBSPOT_ACCESS_TOKEN");
    String target = baseUrl != null ? baseUrl : env.nonBlank("HUBSPOT_BASE_URL");
    EmbeddedMock.Running mock = null;
    try {
      boolean againstMock = target == null && token == null;
      if (againstMock) {
        try {
          mock = mockStarter.start(env);
        } catch (RuntimeException e) {
          err.println("error: cannot start the embedded mock: " + e.getMessage());
          return BAD_INPUT;
        }
        target = mock.baseUrl();
        // Prism checks that a bearer token is there, not what it is.
        token = "embedded-mock-token";
        if (!json) {
          out.println("Target: embedded Prism mock of the spec at " + target + ", API version " + version
              + " (set HUBSPOT_ACCESS_TOKEN to call HubSpot)");
        }
      } else if (token == null) {
        err.println("error: HUBSPOT_ACCESS_TOKEN must be set to call " + target);
        return BAD_INPUT;
      } else if (target == null) {
        target = MarketingEventsClient.DEFAULT_BASE_URL;
      }
      if (!againstMock && !json) {
        out.println("Target: " + target + ", API version " + version);
      }
      try (MarketingEventsClient client = client(token, target, version)) {
        UpdateResponse response =
            client.updateWithResponse(externalEventId, externalAccountId, update, RequestOptions.none());
        if (json) {
          out.println(response.body());
        } else {
          printSummary(out, update, response, againstMock);
        }
        return OK;
      }
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return BAD_INPUT;
    } catch (HubSpotApiException e) {
      err.println("error: " + describe(e));
      return API_ERROR;
    } catch (DecodingException e) {
      err.println("error: HTTP " + e.statusCode() + ": " + e.getMessage()
          + e.correlationId().map(id -> " (correlationId " + id + ")").orElse(""));
      return API_ERROR;
    } catch (ApiConnectionException e) {
      err.println("error: network: " + e.getMessage());
      return NETWORK_ERROR;
    } finally {
      if (mock != null) {
        mock.close();
      }
    }
  }

  private MarketingEventsClient client(String token, String target, ApiVersion version) {
    return MarketingEventsClient.builder()
        .accessToken(token)
        .baseUrl(target)
        .apiVersion(version)
        .userAgentSuffix("marketing-events-cli")
        .build();
  }

  // Checked here too, so that bad ids fail before a mock is started or a token is looked for.
  private static void requireId(String name, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  MarketingEventUpdate buildUpdate() {
    MarketingEventUpdate.Builder b = MarketingEventUpdate.builder();
    if (name != null) {
      b.eventName(name);
    }
    if (type != null) {
      b.eventType(type);
    }
    if (organizer != null) {
      b.eventOrganizer(organizer);
    }
    if (url != null) {
      b.eventUrl(url);
    }
    if (description != null) {
      b.eventDescription(description);
    }
    if (start != null) {
      b.startDateTime(instant("--start", start));
    }
    if (end != null) {
      b.endDateTime(instant("--end", end));
    }
    if (cancelled != null) {
      b.eventCancelled(cancelled);
    }
    if (completed != null) {
      b.eventCompleted(completed);
    }
    for (String property : properties) {
      b.customProperty(PropertyArgument.parse(property));
    }
    return b.build();
  }

  private static Instant instant(String option, String value) {
    try {
      return PropertyArgument.parseInstant(value.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(option + " '" + value + "' is not ISO 8601, such as 2026-12-01T16:00:00Z", e);
    }
  }

  private static void printSummary(PrintWriter out, MarketingEventUpdate update, UpdateResponse response, boolean mock) {
    MarketingEvent event = response.event();
    out.println("Updated event " + event.eventName() + " (HubSpot id " + event.id() + "): HTTP "
        + response.statusCode() + " after " + response.attempts() + (response.attempts() == 1 ? " attempt" : " attempts"));
    List<String> changed = new ArrayList<>();
    update.eventName().ifPresent(v -> changed.add("eventName=" + v));
    update.eventType().ifPresent(v -> changed.add("eventType=" + v));
    update.eventOrganizer().ifPresent(v -> changed.add("eventOrganizer=" + v));
    update.eventUrl().ifPresent(v -> changed.add("eventUrl=" + v));
    update.eventDescription().ifPresent(v -> changed.add("eventDescription=" + v));
    update.startDateTime().ifPresent(v -> changed.add("startDateTime=" + v));
    update.endDateTime().ifPresent(v -> changed.add("endDateTime=" + v));
    update.eventCancelled().ifPresent(v -> changed.add("eventCancelled=" + v));
    update.eventCompleted().ifPresent(v -> changed.add("eventCompleted=" + v));
    out.println("Fields sent: " + (changed.isEmpty() ? "none" : String.join(", ", changed)));
    PropertyReport report = response.propertyReport();
    List<String> applied = new ArrayList<>();
    for (CustomProperty property : update.customProperties()) {
      boolean off = report.discrepancies().stream().anyMatch(d -> d.property().name().equals(property.name()));
      if (!off) {
        applied.add(property.name() + "=" + property.value());
      }
    }
    out.println("Custom properties applied: " + (applied.isEmpty() ? "none" : String.join(", ", applied)));
    if (!report.allApplied()) {
      out.println("Custom properties not applied as sent" + (mock
          ? " (the mock answers its canned example, so this compares with the example's values, not with a real account):"
          : " (HubSpot drops names not defined on the account's MarketingEvent object):"));
      report.discrepancies().forEach(d -> out.println("  - " + d));
    }
    RateLimitStatus limits = response.rateLimit();
    if (limits.remaining().isPresent() || limits.max().isPresent()) {
      out.println("Rate limit: " + limits.remaining().stream().mapToObj(Integer::toString).findFirst().orElse("?")
          + " of " + limits.max().stream().mapToObj(Integer::toString).findFirst().orElse("?") + " requests left"
          + limits.interval().map(i -> " in a " + i.toMillis() + " ms window").orElse("")
          + limits.dailyRemaining().stream().mapToObj(d -> "; " + d + " left today").findFirst().orElse(""));
    } else {
      out.println("Rate limit: no rate-limit headers in the answer");
    }
    response.correlationId().ifPresent(id -> out.println("Correlation id: " + id));
  }

  private static String describe(HubSpotApiException e) {
    StringBuilder line = new StringBuilder("HTTP ").append(e.statusCode());
    e.category().or(e::errorType).ifPresent(c -> line.append(' ').append(c));
    e.policyName().ifPresent(p -> line.append(" (").append(p).append(')'));
    line.append(": ").append(e.hubSpotMessage().orElse("no message in the answer"));
    e.correlationId().ifPresent(id -> line.append(" (correlationId ").append(id).append(')'));
    if (e instanceof RateLimitException) {
      e.retryAfter().ifPresent(d -> line.append("; retry after ").append(d.toSeconds()).append(" s"));
    }
    return line.toString();
  }
}
