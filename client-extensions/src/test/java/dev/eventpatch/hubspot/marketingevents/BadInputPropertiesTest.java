package dev.eventpatch.hubspot.marketingevents;

import static dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.wellFormed;
import static dev.eventpatch.hubspot.marketingevents.SeededGenerator.frequency;
import static dev.eventpatch.hubspot.marketingevents.SeededGenerator.oneOfGens;
import static dev.eventpatch.hubspot.marketingevents.SeededGenerator.weight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.Received;
import dev.eventpatch.hubspot.marketingevents.SeededGenerator.Gen;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input, generated: ids, update fields, custom property names and values drawn from classes
 * that break naive clients ({@code /}, {@code ?}, {@code #}, {@code %}, dot segments, spaces,
 * control characters, non-ASCII, emoji, unpaired surrogates, empty strings, 10,000 characters,
 * {@code ;} inside multi-value options, NaN and infinities, dates before 1970 and after 9999).
 *
 * <p>For each input, exactly one of two things happens: the server receives exactly the
 * intended value (decoded on the server side, the request on the one intended path), or the
 * client refuses it before sending with an {@link IllegalArgumentException} naming the field.
 * Which one is not left to the client: each property holds the documented rule for refusing,
 * so that a client refusing valid input fails as surely as one sending altered input. The
 * server echoes what it received, so the values are also read back through the client.
 *
 * <p>Each property is a {@link TestFactory} of generated cases, drawn by {@link SeededGenerator}
 * from one seed per run. The seed is printed at the start; {@code -Dbadinput.seed=N} replays a
 * run exactly. A failing case is reported whole, each input with its class.
 */
@Tag("reliability")
class BadInputPropertiesTest {
  private static final int TEXT_LENGTH_LONG = 10_000;
  /** In the text properties, a run fails if any text class was drawn fewer times than this. */
  private static final int MINIMUM_PER_CLASS = 20;
  private static final Pattern RFC_3339 =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

  /** Per property, per "input class / outcome": how many cases ran. Printed at the end. */
  private static final Map<String, Map<String, AtomicInteger>> CASES = new ConcurrentHashMap<>();

  /** The run's seed: given with -Dbadinput.seed to replay a run, else a fresh one. */
  private static final long SEED =
      SeededGenerator.seed(System.getProperty(SeededGenerator.SEED_PROPERTY), new SecureRandom().nextLong());

  private static final AtomicInteger GENERATED = new AtomicInteger();

  private static MockWebServer server;
  private static MarketingEventsClient client;

  /** A generated input and the class it was drawn from. */
  record Sample(String kind, String value) {
    /** @return the class and the value, cut after 60 chars: for a test's display name */
    @Override
    public String toString() {
      String shown = value.length() > 60 ? value.substring(0, 60) : value;
      return kind + ": \"" + escaped(shown) + (value.length() > 60 ? "\"...(" + value.length() + " chars)" : "\"");
    }

    /** @return the class and the whole value, every char outside printable ASCII escaped */
    String whole() {
      return kind + ": \"" + escaped(value) + "\" (" + value.length() + " chars)";
    }

    private static String escaped(String text) {
      StringBuilder escaped = new StringBuilder(text.length());
      for (char c : text.toCharArray()) {
        escaped.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
      }
      return escaped.toString();
    }
  }

  /**
   * One generated case.
   *
   * @param inputs every input, named, whole, each with its class: what a failure prints
   * @param shortName the inputs cut short, for the display name
   * @param classes per coverage label, the class drawn
   * @param check sends the case and checks the outcome
   */
  record Case(String inputs, String shortName, Map<String, String> classes, Executable check) {}

  @BeforeAll
  static void start() throws IOException {
    System.out.println("Bad-input seed: " + SEED + " (replay with -D" + SeededGenerator.SEED_PROPERTY + "=" + SEED + ")");
    server = ReliabilityFixtures.newServer();
    server.setDispatcher(new EchoDispatcher());
    server.start();
    client = MarketingEventsClient.builder()
        .accessToken(ReliabilityFixtures.TOKEN)
        .baseUrl(server.url("/").toString())
        .rateLimit(RateLimit.none())
        .retryPolicy(RetryPolicy.none())
        .propertyCheck(PropertyCheck.STRICT)
        .build();
  }

  @AfterAll
  static void stop() throws IOException {
    client.close();
    server.close();
    StringBuilder report = new StringBuilder("Bad-input cases, by property, input class and outcome (seed ")
        .append(SEED).append(", ").append(GENERATED.get()).append(" cases generated):\n");
    new TreeMap<>(CASES).forEach((property, counts) -> {
      report.append("  ").append(property).append('\n');
      new TreeMap<>(counts).forEach((key, n) -> report.append("    ").append(key).append(": ").append(n).append('\n'));
    });
    System.out.print(report);
  }

  // ---- Properties ----

  @TestFactory
  Stream<DynamicTest> idsArriveExactlyOrAreRefused() {
    return property("ids", 1600, true, g -> {
      Sample externalEventId = TEXTS.draw(g);
      Sample externalAccountId = TEXTS.draw(g);
      return newCase(Map.of("externalEventId", externalEventId, "externalAccountId", externalAccountId),
          () -> idsArriveExactlyOrAreRefused(externalEventId, externalAccountId));
    });
  }

  private static void idsArriveExactlyOrAreRefused(Sample externalEventId, Sample externalAccountId) {
    String eventId = externalEventId.value();
    String accountId = externalAccountId.value();
    String refusal = eventIdRefusal(eventId);
    if (refusal == null) {
      refusal = accountIdRefusal(accountId);
    }
    Received received = sendOrRefuse("ids", externalEventId.kind() + " / " + externalAccountId.kind(), refusal,
        eventId, accountId, () -> MarketingEventUpdate.builder().eventName("ids").build());
    if (received != null) {
      assertThat(received.eventId()).isEqualTo(eventId);
      assertThat(received.accountId()).isEqualTo(accountId);
    }
  }

  @TestFactory
  Stream<DynamicTest> updateFieldsArriveExactlyOrAreRefused() {
    return property("update fields", 1600, true, g -> {
      String field = g.oneOf("eventName", "eventType", "eventOrganizer", "eventUrl", "eventDescription");
      Sample value = TEXTS.draw(g);
      return newCase(Map.of("value", value), "field = " + field,
          () -> updateFieldsArriveExactlyOrAreRefused(field, value));
    });
  }

  private static void updateFieldsArriveExactlyOrAreRefused(String field, Sample sample) {
    String value = sample.value();
    String refusal = wellFormed(value) ? null : field;
    UpdateResponse response = sendOrRefuseWithResponse("update fields", sample.kind(), refusal,
        () -> {
          MarketingEventUpdate.Builder b = MarketingEventUpdate.builder();
          switch (field) {
            case "eventName" -> b.eventName(value);
            case "eventType" -> b.eventType(value);
            case "eventOrganizer" -> b.eventOrganizer(value);
            case "eventUrl" -> b.eventUrl(value);
            case "eventDescription" -> b.eventDescription(value);
            default -> throw new AssertionError(field);
          }
          return b.build();
        });
    if (response != null) {
      Received received = lastReceived;
      assertThat(received.body().keySet()).as("only what was set is sent").containsExactlyInAnyOrder(field, "customProperties");
      assertThat(received.text(field)).isEqualTo(value);
      MarketingEvent event = response.event();
      Object readBack = switch (field) {
        case "eventName" -> event.eventName();
        case "eventType" -> event.eventType().orElse(null);
        case "eventOrganizer" -> event.eventOrganizer();
        case "eventUrl" -> event.eventUrl().orElse(null);
        default -> event.eventDescription().orElse(null);
      };
      assertThat(readBack).as("read back through the client").isEqualTo(value);
    }
  }

  @TestFactory
  Stream<DynamicTest> customPropertyNamesAndTextValuesArriveExactlyOrAreRefused() {
    return property("custom property names and text values", 1600, true, g -> {
      Sample name = TEXTS.draw(g);
      Sample value = TEXTS.draw(g);
      boolean raw = g.bool();
      return newCase(Map.of("name", name, "value", value), raw ? "CustomProperty.raw" : "CustomProperty.text",
          () -> customPropertyNamesAndTextValuesArriveExactlyOrAreRefused(name, value, raw));
    });
  }

  private static void customPropertyNamesAndTextValuesArriveExactlyOrAreRefused(Sample name, Sample value, boolean raw) {
    String refusal = nameRefusal(name.value());
    if (refusal == null && !wellFormed(value.value())) {
      refusal = "custom property '" + name.value() + "'";
    }
    Received received = sendOrRefuse("custom property names and text values", name.kind() + " / " + value.kind(),
        refusal, "evt-1", "acct-1", () -> MarketingEventUpdate.builder()
            .customProperty(raw ? CustomProperty.raw(name.value(), value.value())
                : CustomProperty.text(name.value(), value.value()))
            .build());
    if (received != null) {
      assertThat(received.customProperties()).singleElement()
          .satisfies(p -> assertThat(p).containsExactly(name.value(), value.value()));
    }
  }

  @TestFactory
  Stream<DynamicTest> multiValueOptionsArriveExactlyOrAreRefused() {
    return property("multi-value options", 800, false, g -> {
      List<Sample> options = OPTIONS.draw(g);
      Map<String, Sample> named = new LinkedHashMap<>();
      for (int i = 0; i < options.size(); i++) {
        named.put("option " + (i + 1), options.get(i));
      }
      return newCase(named, options.size() + " options", () -> multiValueOptionsArriveExactlyOrAreRefused(options));
    });
  }

  private static void multiValueOptionsArriveExactlyOrAreRefused(List<Sample> options) {
    List<String> values = options.stream().map(Sample::value).toList();
    boolean refused = values.stream().anyMatch(v -> v.isEmpty() || v.indexOf(';') >= 0 || !wellFormed(v));
    String kind = options.stream().anyMatch(o -> o.value().indexOf(';') >= 0) ? "an option with ';'"
        : options.isEmpty() ? "no option" : "options without ';'";
    Received received = sendOrRefuse("multi-value options", kind, refused ? "custom property 'tracks'" : null,
        "evt-1", "acct-1", () -> MarketingEventUpdate.builder()
            .customProperty(CustomProperty.multiValue("tracks", values))
            .build());
    if (received != null) {
      String sent = received.customProperties().get(0)[1];
      assertThat(sent.isEmpty() ? List.of() : List.of(sent.split(";", -1))).isEqualTo(values);
    }
  }

  @TestFactory
  Stream<DynamicTest> doublesArriveAsPlainDecimalsOrAreRefused() {
    return property("numbers (double)", 1600, false, g -> {
      double number = DOUBLES.draw(g);
      return newCase(doubleKind(number) + ": " + number + " (bits 0x" + Long.toHexString(Double.doubleToRawLongBits(number)) + ")",
          () -> doublesArriveAsPlainDecimalsOrAreRefused(number));
    });
  }

  private static String doubleKind(double number) {
    return Double.isNaN(number) ? "NaN" : Double.isInfinite(number) ? "infinite"
        : number != 0 && Math.abs(number) < Double.MIN_NORMAL ? "subnormal"
        : Math.abs(number) >= 1e16 ? "huge" : number == 0 ? "zero" : "finite";
  }

  private static void doublesArriveAsPlainDecimalsOrAreRefused(double number) {
    String refusal = Double.isFinite(number) ? null : "custom property 'seats_available'";
    Received received = sendOrRefuse("numbers (double)", doubleKind(number), refusal, "evt-1", "acct-1",
        () -> MarketingEventUpdate.builder().customProperty(CustomProperty.number("seats_available", number)).build());
    if (received != null) {
      String sent = received.customProperties().get(0)[1];
      assertThat(sent).matches(PLAIN_DECIMAL);
      assertThat(new BigDecimal(sent)).isEqualByComparingTo(BigDecimal.valueOf(number));
      assertThat(Double.parseDouble(sent)).as("reads back as the same double").isEqualTo(number == 0 ? 0.0 : number);
    }
  }

  @TestFactory
  Stream<DynamicTest> bigDecimalsAndLongsArriveAsPlainDecimals() {
    return property("numbers (BigDecimal, long)", 800, false, g -> {
      BigDecimal decimal = DECIMALS.draw(g);
      long whole = LONGS.draw(g);
      String kind = decimal.scale() < 0 ? "negative scale" : "scale >= 0";
      return newCase(kind + ": BigDecimal " + decimal + " (unscaled " + decimal.unscaledValue() + ", scale "
          + decimal.scale() + "), long " + whole, () -> bigDecimalsAndLongsArriveAsPlainDecimals(decimal, whole));
    });
  }

  private static void bigDecimalsAndLongsArriveAsPlainDecimals(BigDecimal decimal, long whole) {
    Received received = sendOrRefuse("numbers (BigDecimal, long)", decimal.scale() < 0 ? "negative scale" : "scale >= 0",
        null, "evt-1", "acct-1", () -> MarketingEventUpdate.builder()
            .customProperty(CustomProperty.number("capacity", decimal))
            .customProperty(CustomProperty.number("attendees", whole))
            .build());
    List<String[]> properties = received.customProperties();
    assertThat(properties.get(0)[1]).matches(PLAIN_DECIMAL);
    assertThat(new BigDecimal(properties.get(0)[1])).isEqualByComparingTo(decimal);
    assertThat(properties.get(1)[1]).isEqualTo(Long.toString(whole));
  }

  @TestFactory
  Stream<DynamicTest> datesArriveAsMidnightUtcOrAreRefused() {
    return property("dates", 800, false, g -> {
      LocalDate date = DATES.draw(g);
      return newCase(era(date.getYear()) + ": " + date, () -> datesArriveAsMidnightUtcOrAreRefused(date));
    });
  }

  private static void datesArriveAsMidnightUtcOrAreRefused(LocalDate date) {
    String refusal = date.getYear() < 1 || date.getYear() > 9999 ? "custom property 'launch_date'" : null;
    Received received = sendOrRefuse("dates", era(date.getYear()), refusal, "evt-1", "acct-1",
        () -> MarketingEventUpdate.builder().customProperty(CustomProperty.date("launch_date", date)).build());
    if (received != null) {
      long millis = Long.parseLong(received.customProperties().get(0)[1]);
      assertThat(Instant.ofEpochMilli(millis)).isEqualTo(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
  }

  @TestFactory
  Stream<DynamicTest> dateTimePropertiesArriveAsEpochMillisOrAreRefused() {
    return property("date-time properties", 800, false, g -> {
      Instant instant = INSTANTS.draw(g);
      return newCase(era(yearOf(instant)) + ": " + instant,
          () -> dateTimePropertiesArriveAsEpochMillisOrAreRefused(instant));
    });
  }

  private static void dateTimePropertiesArriveAsEpochMillisOrAreRefused(Instant instant) {
    String refusal = inRfc3339Years(instant) ? null : "custom property 'doors_open'";
    Received received = sendOrRefuse("date-time properties", era(yearOf(instant)), refusal, "evt-1", "acct-1",
        () -> MarketingEventUpdate.builder().customProperty(CustomProperty.dateTime("doors_open", instant)).build());
    if (received != null) {
      // Epoch milliseconds cannot carry finer precision; the Javadoc says it is dropped.
      assertThat(Long.parseLong(received.customProperties().get(0)[1]))
          .isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS).toEpochMilli());
    }
  }

  @TestFactory
  Stream<DynamicTest> startAndEndArriveExactlyOrAreRefused() {
    return property("start and end", 800, false, g -> {
      Instant start = INSTANTS.draw(g);
      Instant end = INSTANTS.draw(g);
      return newCase("start " + era(yearOf(start)) + ": " + start + ", end " + era(yearOf(end)) + ": " + end,
          () -> startAndEndArriveExactlyOrAreRefused(start, end));
    });
  }

  private static void startAndEndArriveExactlyOrAreRefused(Instant start, Instant end) {
    String refusal = !inRfc3339Years(start) ? "startDateTime"
        : !inRfc3339Years(end) || end.isBefore(start) ? "endDateTime" : null;
    UpdateResponse response = sendOrRefuseWithResponse("start and end", era(yearOf(start)) + " / " + era(yearOf(end)),
        refusal, () -> MarketingEventUpdate.builder().startDateTime(start).endDateTime(end).build());
    if (response != null) {
      for (String field : List.of("startDateTime", "endDateTime")) {
        Instant intended = field.equals("startDateTime") ? start : end;
        String sent = lastReceived.text(field);
        assertThat(sent).as("RFC 3339 with seconds and a four-digit year").matches(RFC_3339);
        assertThat(OffsetDateTime.parse(sent).toInstant()).isEqualTo(intended);
      }
      assertThat(response.event().startDateTime().map(OffsetDateTime::toInstant)).hasValue(start);
      assertThat(response.event().endDateTime().map(OffsetDateTime::toInstant)).hasValue(end);
    }
  }

  // ---- Running generated cases ----

  /**
   * The cases of one property, drawn in order from the property's own stream of the run's seed,
   * one dynamic test each; then, when {@code everyTextClass}, one more test that fails unless
   * each text class was drawn at least {@link #MINIMUM_PER_CLASS} times for every text input.
   */
  private static Stream<DynamicTest> property(String name, int tries, boolean everyTextClass, Gen<Case> cases) {
    SeededGenerator g = SeededGenerator.forSuite(SEED, name);
    Map<String, Map<String, Integer>> drawn = new TreeMap<>();
    Stream<DynamicTest> generated = IntStream.rangeClosed(1, tries).mapToObj(i -> {
      Case c = cases.draw(g);
      GENERATED.incrementAndGet();
      c.classes().forEach((label, kind) -> drawn.computeIfAbsent(label, l -> new TreeMap<>()).merge(kind, 1, Integer::sum));
      return dynamicTest("#" + i + " " + c.shortName(), () -> run(name, i, c));
    });
    if (!everyTextClass) {
      return generated;
    }
    return Stream.concat(generated, Stream.of(dynamicTest(
        "every input class drawn at least " + MINIMUM_PER_CLASS + " times", () -> {
          assertThat(drawn).as("inputs with a class").isNotEmpty();
          drawn.forEach((label, counts) -> {
            for (String kind : TEXT_CLASSES) {
              assertThat(counts.getOrDefault(kind, 0))
                  .as("%s class '%s' drawn (seed %d; all: %s)", label, kind, SEED, counts)
                  .isGreaterThanOrEqualTo(MINIMUM_PER_CLASS);
            }
          });
        })));
  }

  private static void run(String property, int number, Case c) throws Throwable {
    try {
      c.check().execute();
    } catch (Throwable failure) {
      String report = "Bad-input case #" + number + " of '" + property + "' failed; replay the run with -D"
          + SeededGenerator.SEED_PROPERTY + "=" + SEED + ". Inputs:\n" + c.inputs();
      System.out.println(report);
      throw new AssertionError(report + "\n" + failure.getMessage(), failure);
    }
  }

  /** A case of text inputs, each named with its class, counted for the per-class minimum. */
  private static Case newCase(Map<String, Sample> inputs, Executable check) {
    return newCase(inputs, null, check);
  }

  private static Case newCase(Map<String, Sample> inputs, String also, Executable check) {
    StringBuilder whole = new StringBuilder();
    StringBuilder shortName = new StringBuilder();
    Map<String, String> classes = new LinkedHashMap<>();
    if (also != null) {
      whole.append("  ").append(also).append('\n');
      shortName.append(also).append("; ");
    }
    inputs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(input -> {
      whole.append("  ").append(input.getKey()).append(" = ").append(input.getValue().whole()).append('\n');
      shortName.append(input.getKey()).append(" = ").append(input.getValue()).append("; ");
      classes.put(input.getKey(), input.getValue().kind());
    });
    return new Case(whole.toString(), shortName.toString(), classes, check);
  }

  /** A case whose input is described in one line, with its class. */
  private static Case newCase(String described, Executable check) {
    return new Case("  " + described + "\n", described, Map.of(), check);
  }

  // ---- The rules for refusing, as documented ----

  private static String eventIdRefusal(String id) {
    return id.isBlank() || id.equals(".") || id.equals("..") || !wellFormed(id) ? "externalEventId" : null;
  }

  private static String accountIdRefusal(String id) {
    return id.isBlank() || !wellFormed(id) ? "externalAccountId" : null;
  }

  private static String nameRefusal(String name) {
    boolean control = name.chars().anyMatch(c -> Character.isISOControl((char) c));
    return name.isBlank() || control || !wellFormed(name) ? "custom property name" : null;
  }

  private static boolean inRfc3339Years(Instant instant) {
    return !instant.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
        && !instant.isAfter(Instant.parse("9999-12-31T23:59:59.999999999Z"));
  }

  private static int yearOf(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).getYear();
  }

  private static String era(int year) {
    return year < 1 ? "before year 1" : year < 1970 ? "1 to 1969" : year <= 9999 ? "1970 to 9999" : "after 9999";
  }

  // ---- Sending and checking ----

  private static Received lastReceived;

  private static Received sendOrRefuse(String property, String kind, String refusal, String eventId,
      String accountId, Supplier<MarketingEventUpdate> update) {
    return send(property, kind, refusal, eventId, accountId, update) == null ? null : lastReceived;
  }

  private static UpdateResponse sendOrRefuseWithResponse(String property, String kind, String refusal,
      Supplier<MarketingEventUpdate> update) {
    return send(property, kind, refusal, "evt-1", "acct-1", update);
  }

  /**
   * Builds and sends one update. When {@code refusal} is null the input is valid: it must reach
   * the server, which must have received exactly one request on the intended path. Otherwise the
   * client must throw an IllegalArgumentException whose message contains {@code refusal}, the
   * field, and send nothing.
   *
   * @return the answer, or null when refused
   */
  private static UpdateResponse send(String property, String kind, String refusal, String eventId,
      String accountId, Supplier<MarketingEventUpdate> update) {
    drainLeftovers();
    int before = server.getRequestCount();
    UpdateResponse response;
    try {
      response = client.updateWithResponse(eventId, accountId, update.get(), RequestOptions.none());
    } catch (IllegalArgumentException refused) {
      assertThat(server.getRequestCount()).as("nothing was sent").isEqualTo(before);
      assertThat(refusal).as("refused a valid input: %s", refused.getMessage()).isNotNull();
      assertThat(refused.getMessage()).as("the refusal names the field").contains(refusal);
      count(property, kind, "refused");
      return null;
    }
    assertThat(refusal).as("sent an input it must refuse, naming %s", refusal).isNull();
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(request).isNotNull();
      lastReceived = Received.of(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    assertThat(server.getRequestCount()).as("exactly one request").isEqualTo(before + 1);
    assertThat(response.propertyReport().allApplied()).isTrue();
    count(property, kind, "sent exactly");
    return response;
  }

  /** Drops requests a failed try left unread, so that each try reads its own. */
  private static void drainLeftovers() {
    try {
      while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
        // dropped
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void count(String property, String kind, String outcome) {
    Map<String, AtomicInteger> counts = CASES.computeIfAbsent(property, p -> new ConcurrentHashMap<>());
    counts.computeIfAbsent("(all) " + outcome, k -> new AtomicInteger()).incrementAndGet();
    for (String one : kind.split(" / |, ")) {
      counts.computeIfAbsent(one + ": " + outcome, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  // ---- Generators ----

  static final String RESERVED = "URL-reserved characters";
  static final String DOTS = "dot segments";
  static final String SPACES = "spaces";
  static final String CONTROL = "control characters";
  static final String NON_ASCII = "non-ASCII";
  static final String EMOJI = "emoji and other astral characters";
  static final String SURROGATE = "unpaired surrogates";
  static final String EMPTY = "empty";
  static final String LONG = "10,000 characters";
  static final String MIXED = "mixed";
  static final List<String> TEXT_CLASSES =
      List.of(RESERVED, DOTS, SPACES, CONTROL, NON_ASCII, EMOJI, SURROGATE, EMPTY, LONG, MIXED);

  private static Gen<String> pieces(String... pieces) {
    return g -> g.oneOf(pieces);
  }

  /** Pieces of each class; concatenated with letters around them. */
  private static final Map<String, Gen<String>> CLASS_PIECES = classPieces();

  private static Map<String, Gen<String>> classPieces() {
    Map<String, Gen<String>> classes = new TreeMap<>();
    classes.put(RESERVED, pieces("/", "?", "#", "%", "&", "=", "+", ";", ",", ":", "@", "[", "]", "!", "$", "'",
        "(", ")", "*", "\\", "\"", "<", ">", "^", "`", "{", "}", "|", "~", "%2F", "%25", "%3F", "%23", "%00", "%zz",
        "&externalAccountId=other", "?externalAccountId=other", "/../../contacts/v1", "%20"));
    classes.put(DOTS, pieces(".", "..", "...", "../", "./", "/..", "/.", "%2e", "%2E%2e", ".%2e", "%2e.", "..%2F",
        "..\\"));
    classes.put(SPACES, pieces(" ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\n", "\r\n", "\u200b"));
    classes.put(CONTROL, oneOfGens(g -> g.chars('\u0000', '\u001f', 1, 1), g -> g.chars('\u007f', '\u009f', 1, 1)));
    classes.put(NON_ASCII, oneOfGens(
        pieces("é", "ß", "Ωμέγα", "日本語", "עברית", "e\u0301", "\u202e", "\ufeff", "\u2028", "\ufffd", "ﬁ"),
        g -> g.chars('\u00a0', '\ud7ff', 1, 8),
        g -> g.chars('\ue000', '\ufffd', 1, 4)));
    classes.put(EMOJI, oneOfGens(
        pieces("🎉", "👩‍👩‍👧", "🇫🇷", "😀", "🏳️‍🌈", "𝔘𝔫𝔦", "𠀋"),
        g -> Character.toString(g.between(0x10000, 0x10ffff))));
    return classes;
  }

  private static Gen<Sample> ofClass(String kind, Gen<String> piece) {
    Gen<List<String>> middle = piece.list(1, 4);
    return g -> {
      String before = g.alnum(6);
      String pieces = String.join("", middle.draw(g));
      return new Sample(kind, before + pieces + g.alnum(6));
    };
  }

  /** Strings of every class, in about equal shares. */
  static final Gen<Sample> TEXTS = texts();

  private static Gen<Sample> texts() {
    List<Gen<Sample>> all = new ArrayList<>();
    CLASS_PIECES.forEach((kind, piece) -> all.add(ofClass(kind, piece)));
    // Whole values that are exactly a dot segment, or only whitespace.
    all.add(g -> new Sample(DOTS, g.oneOf(".", "..")));
    Gen<List<String>> spaces = CLASS_PIECES.get(SPACES).list(1, 3);
    all.add(g -> new Sample(SPACES, String.join("", spaces.draw(g))));
    all.add(g -> {
      String before = g.alnum(6);
      String surrogate = g.chars('\ud800', '\udfff', 1, 1);
      return new Sample(SURROGATE, before + surrogate + g.alnum(6));
    });
    all.add(g -> new Sample(EMPTY, ""));
    Gen<String> anyPiece = oneOfGens(List.copyOf(CLASS_PIECES.values()));
    all.add(g -> new Sample(LONG, longText(anyPiece.draw(g))));
    Gen<List<String>> mixed = anyPiece.list(2, 6);
    all.add(g -> new Sample(MIXED, String.join("", mixed.draw(g))));
    return oneOfGens(all);
  }

  /** Repeats a piece to exactly 10,000 characters, never ending on half a surrogate pair. */
  private static String longText(String piece) {
    String source = piece.isEmpty() ? "x" : piece;
    StringBuilder text = new StringBuilder(TEXT_LENGTH_LONG + source.length());
    while (text.length() < TEXT_LENGTH_LONG) {
      text.append(source);
    }
    text.setLength(TEXT_LENGTH_LONG);
    if (Character.isHighSurrogate(text.charAt(TEXT_LENGTH_LONG - 1))) {
      text.setCharAt(TEXT_LENGTH_LONG - 1, 'x');
    }
    return text.toString();
  }

  /** Zero to five options: any text, two words around a ';', or plain letters and digits. */
  static final Gen<List<Sample>> OPTIONS = frequency(
      weight(6, TEXTS),
      weight(2, g -> {
        String before = g.alnum(6);
        return new Sample("with ';'", before + ";" + g.alnum(6));
      }),
      weight(4, g -> {
        String plain = g.alnum(6);
        return new Sample("plain", plain.isEmpty() ? "x" : plain);
      })).list(0, 5);

  /** Decimals of every magnitude, the special values, and arbitrary bit patterns. */
  static final Gen<Double> DOUBLES = frequency(
      weight(6, g -> {
        double magnitude = Math.pow(10, g.between(-20, 30));
        return (g.bool() ? -1 : 1) * g.unit() * magnitude;
      }),
      weight(2, g -> g.oneOf(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 0.1, 1e21,
          1e-7, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
          123456789.125, 1.0, -1.0)),
      weight(2, g -> Double.longBitsToDouble(g.anyLong())));

  /** Unscaled values of up to 40 digits, either sign, with scales from -40 to 40. */
  static final Gen<BigDecimal> DECIMALS = g -> {
    StringBuilder digits = new StringBuilder(g.bool() ? "-" : "");
    int length = g.between(1, 40);
    for (int i = 0; i < length; i++) {
      digits.append((char) ('0' + g.between(0, 9)));
    }
    return new BigDecimal(new java.math.BigInteger(digits.toString()), g.between(-40, 40));
  };

  /** Any long, with the edges drawn often. */
  static final Gen<Long> LONGS = frequency(
      weight(8, SeededGenerator::anyLong),
      weight(2, g -> g.oneOf(0L, 1L, -1L, Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, Long.MAX_VALUE - 1)));

  private static final LocalDate FAR_PAST = LocalDate.of(-20000, 1, 1);
  private static final LocalDate FAR_FUTURE = LocalDate.of(30000, 12, 31);

  static final Gen<LocalDate> DATES = frequency(
      weight(4, epochDays(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31))),
      weight(2, epochDays(LocalDate.of(1800, 1, 1), LocalDate.of(1969, 12, 31))),
      weight(2, g -> g.oneOf(LocalDate.of(1969, 12, 31), LocalDate.of(1970, 1, 1), LocalDate.of(1, 1, 1),
          LocalDate.of(0, 12, 31), LocalDate.of(9999, 12, 31), LocalDate.of(10000, 1, 1), LocalDate.of(1582, 10, 4),
          LocalDate.of(1900, 2, 28), LocalDate.of(2000, 2, 29))),
      weight(2, epochDays(FAR_PAST, FAR_FUTURE)));

  private static Gen<LocalDate> epochDays(LocalDate from, LocalDate to) {
    return g -> LocalDate.ofEpochDay(g.between(from.toEpochDay(), to.toEpochDay()));
  }

  private static final Gen<Integer> NANOS = frequency(
      weight(2, g -> 0),
      weight(1, g -> g.between(0, 999) * 1_000_000),
      weight(2, g -> g.between(0, 999_999_999)));

  private static final Gen<Long> SECONDS = frequency(
      weight(4, secondsBetween("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z")),
      weight(2, secondsBetween("1800-01-01T00:00:00Z", "1969-12-31T23:59:59Z")),
      weight(2, g -> g.oneOf(-1L, 0L, Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
          Instant.parse("0001-01-01T00:00:00Z").getEpochSecond() - 1,
          Instant.parse("9999-12-31T23:59:59Z").getEpochSecond(),
          Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() + 1)),
      weight(2, secondsBetween("-20000-01-01T00:00:00Z", "+30000-12-31T23:59:59Z")));

  static final Gen<Instant> INSTANTS = g -> {
    long seconds = SECONDS.draw(g);
    return Instant.ofEpochSecond(seconds, NANOS.draw(g));
  };

  private static Gen<Long> secondsBetween(String from, String to) {
    long first = Instant.parse(from).getEpochSecond();
    long last = Instant.parse(to).getEpochSecond();
    return g -> g.between(first, last);
  }

  // ---- The server ----

  /**
   * Answers 200 with an event echoing what the request set, so that the values also travel
   * back through the client's decoding; 400 for a body it cannot read.
   */
  static final class EchoDispatcher extends Dispatcher {
    private static final Set<String> ECHOED =
        Set.of("eventName", "eventType", "eventOrganizer", "eventUrl", "eventDescription", "startDateTime",
            "endDateTime");

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      JsonObject sent;
      try {
        sent = JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
      } catch (RuntimeException unreadable) {
        return ReliabilityFixtures.json(400,
            ReliabilityFixtures.errorJson(400, "VALIDATION_ERROR", null, "corr-echo", "unreadable body")).build();
      }
      JsonObject event = JsonParser.parseString(ReliabilityFixtures.eventJson("hs-1", "unnamed")).getAsJsonObject();
      for (Map.Entry<String, JsonElement> field : sent.entrySet()) {
        if (ECHOED.contains(field.getKey())) {
          event.add(field.getKey(), field.getValue());
        }
      }
      JsonArray properties = sent.has("customProperties") ? sent.getAsJsonArray("customProperties") : new JsonArray();
      event.add("customProperties", properties);
      return ReliabilityFixtures.json(200, ReliabilityFixtures.GSON.toJson(event)).build();
    }
  }
}
