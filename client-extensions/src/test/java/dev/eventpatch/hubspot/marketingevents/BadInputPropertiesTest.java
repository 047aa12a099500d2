package dev.eventpatch.hubspot.marketingevents;

import static dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.wellFormed;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.Received;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Bad input, property-based: ids, update fields, custom property names and values drawn from
 * classes that break naive clients ({@code /}, {@code ?}, {@code #}, {@code %}, dot segments,
 * spaces, control characters, non-ASCII, emoji, unpaired surrogates, empty strings, 10,000
 * characters, {@code ;} inside multi-value options, NaN and infinities, dates before 1970 and
 * after 9999).
 *
 * <p>For each input, exactly one of two things happens: the server receives exactly the
 * intended value (decoded on the server side, the request on the one intended path), or the
 * client refuses it before sending with an {@link IllegalArgumentException} naming the field.
 * Which one is not left to the client: each property holds the documented rule for refusing,
 * so that a client refusing valid input fails as surely as one sending altered input. The
 * server echoes what it received, so the values are also read back through the client.
 */
@Tag("reliability")
class BadInputPropertiesTest {
  private static final int TEXT_LENGTH_LONG = 10_000;
  private static final Pattern RFC_3339 =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

  /** Per property, per "input class / outcome": how many cases ran. Printed at the end. */
  private static final Map<String, Map<String, AtomicInteger>> CASES = new ConcurrentHashMap<>();

  private static MockWebServer server;
  private static MarketingEventsClient client;

  /** A generated input and the class it was drawn from. */
  record Sample(String kind, String value) {
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(kind).append(": \"");
      String shown = value.length() > 60 ? value.substring(0, 60) : value;
      for (char c : shown.toCharArray()) {
        text.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
      }
      return text.append(value.length() > 60 ? "\"...(" + value.length() + " chars)" : "\"").toString();
    }
  }

  @BeforeContainer
  static void start() throws IOException {
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

  @AfterContainer
  static void stop() throws IOException {
    client.close();
    server.close();
    StringBuilder report = new StringBuilder("Bad-input cases, by property, input class and outcome:\n");
    new TreeMap<>(CASES).forEach((property, counts) -> {
      report.append("  ").append(property).append('\n');
      new TreeMap<>(counts).forEach((key, n) -> report.append("    ").append(key).append(": ").append(n).append('\n'));
    });
    System.out.print(report);
  }

  // ---- Properties ----

  @Property(tries = 1000)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void idsArriveExactlyOrAreRefused(
      @ForAll("texts") Sample externalEventId, @ForAll("texts") Sample externalAccountId) {
    requireEveryClass("externalEventId class", externalEventId.kind(), 20);
    requireEveryClass("externalAccountId class", externalAccountId.kind(), 20);
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

  @Property(tries = 1000)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void updateFieldsArriveExactlyOrAreRefused(
      @ForAll("textFields") String field, @ForAll("texts") Sample sample) {
    requireEveryClass("value class", sample.kind(), 20);
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

  @Property(tries = 1000)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void customPropertyNamesAndTextValuesArriveExactlyOrAreRefused(
      @ForAll("texts") Sample name, @ForAll("texts") Sample value, @ForAll boolean raw) {
    requireEveryClass("name class", name.kind(), 20);
    requireEveryClass("value class", value.kind(), 20);
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

  @Property(tries = 500)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void multiValueOptionsArriveExactlyOrAreRefused(@ForAll("options") List<Sample> options) {
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

  @Property(tries = 1000)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void doublesArriveAsPlainDecimalsOrAreRefused(@ForAll("doubles") double number) {
    String kind = Double.isNaN(number) ? "NaN" : Double.isInfinite(number) ? "infinite"
        : number != 0 && Math.abs(number) < Double.MIN_NORMAL ? "subnormal"
        : Math.abs(number) >= 1e16 ? "huge" : number == 0 ? "zero" : "finite";
    String refusal = Double.isFinite(number) ? null : "custom property 'seats_available'";
    Received received = sendOrRefuse("numbers (double)", kind, refusal, "evt-1", "acct-1",
        () -> MarketingEventUpdate.builder().customProperty(CustomProperty.number("seats_available", number)).build());
    if (received != null) {
      String sent = received.customProperties().get(0)[1];
      assertThat(sent).matches(PLAIN_DECIMAL);
      assertThat(new BigDecimal(sent)).isEqualByComparingTo(BigDecimal.valueOf(number));
      assertThat(Double.parseDouble(sent)).as("reads back as the same double").isEqualTo(number == 0 ? 0.0 : number);
    }
  }

  @Property(tries = 500)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void bigDecimalsAndLongsArriveAsPlainDecimals(@ForAll("decimals") BigDecimal decimal, @ForAll long whole) {
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

  @Property(tries = 500)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void datesArriveAsMidnightUtcOrAreRefused(@ForAll("dates") LocalDate date) {
    String refusal = date.getYear() < 1 || date.getYear() > 9999 ? "custom property 'launch_date'" : null;
    Received received = sendOrRefuse("dates", era(date.getYear()), refusal, "evt-1", "acct-1",
        () -> MarketingEventUpdate.builder().customProperty(CustomProperty.date("launch_date", date)).build());
    if (received != null) {
      long millis = Long.parseLong(received.customProperties().get(0)[1]);
      assertThat(Instant.ofEpochMilli(millis)).isEqualTo(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
  }

  @Property(tries = 500)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void dateTimePropertiesArriveAsEpochMillisOrAreRefused(@ForAll("instants") Instant instant) {
    String refusal = inRfc3339Years(instant) ? null : "custom property 'doors_open'";
    Received received = sendOrRefuse("date-time properties", era(yearOf(instant)), refusal, "evt-1", "acct-1",
        () -> MarketingEventUpdate.builder().customProperty(CustomProperty.dateTime("doors_open", instant)).build());
    if (received != null) {
      // Epoch milliseconds cannot carry finer precision; the Javadoc says it is dropped.
      assertThat(Long.parseLong(received.customProperties().get(0)[1]))
          .isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS).toEpochMilli());
    }
  }

  @Property(tries = 500)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void startAndEndArriveExactlyOrAreRefused(@ForAll("instants") Instant start, @ForAll("instants") Instant end) {
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
    Statistics.label("outcome").collect(outcome);
    Map<String, AtomicInteger> counts = CASES.computeIfAbsent(property, p -> new ConcurrentHashMap<>());
    counts.computeIfAbsent("(all) " + outcome, k -> new AtomicInteger()).incrementAndGet();
    for (String one : kind.split(" / |, ")) {
      counts.computeIfAbsent(one + ": " + outcome, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  /** Fails the property unless every input class was drawn at least {@code minimum} times. */
  private static void requireEveryClass(String label, String kind, int minimum) {
    Statistics.label(label).collect(kind);
    Statistics.label(label).coverage(coverage -> {
      for (String each : TEXT_CLASSES) {
        coverage.check(each).count(n -> n >= minimum);
      }
    });
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

  private static Arbitrary<String> alnum() {
    return Arbitraries.strings().alpha().numeric().ofMaxLength(6);
  }

  private static Arbitrary<String> pieces(String... pieces) {
    return Arbitraries.of(pieces);
  }

  /** Pieces of each class; concatenated with letters around them. */
  private static Map<String, Arbitrary<String>> classPieces() {
    Map<String, Arbitrary<String>> classes = new TreeMap<>();
    classes.put(RESERVED, pieces("/", "?", "#", "%", "&", "=", "+", ";", ",", ":", "@", "[", "]", "!", "$", "'",
        "(", ")", "*", "\\", "\"", "<", ">", "^", "`", "{", "}", "|", "~", "%2F", "%25", "%3F", "%23", "%00", "%zz",
        "&externalAccountId=other", "?externalAccountId=other", "/../../contacts/v1", "%20"));
    classes.put(DOTS, pieces(".", "..", "...", "../", "./", "/..", "/.", "%2e", "%2E%2e", ".%2e", "%2e.", "..%2F",
        "..\\"));
    classes.put(SPACES, pieces(" ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\n", "\r\n", "\u200b"));
    classes.put(CONTROL, Arbitraries.oneOf(
        Arbitraries.chars().range('\u0000', '\u001f'), Arbitraries.chars().range('\u007f', '\u009f'))
        .map(String::valueOf));
    classes.put(NON_ASCII, Arbitraries.oneOf(
        pieces("é", "ß", "Ωμέγα", "日本語", "עברית", "e\u0301", "\u202e", "\ufeff", "\u2028", "\ufffd", "ﬁ"),
        Arbitraries.strings().withCharRange('\u00a0', '\ud7ff').ofMinLength(1).ofMaxLength(8),
        Arbitraries.strings().withCharRange('\ue000', '\ufffd').ofMinLength(1).ofMaxLength(4)));
    classes.put(EMOJI, Arbitraries.oneOf(
        pieces("🎉", "👩‍👩‍👧", "🇫🇷", "😀", "🏳️‍🌈", "𝔘𝔫𝔦", "𠀋"),
        Arbitraries.integers().between(0x10000, 0x10ffff).map(Character::toString)));
    return classes;
  }

  private static Arbitrary<Sample> ofClass(String kind, Arbitrary<String> piece) {
    return Combinators.combine(alnum(), piece.list().ofMinSize(1).ofMaxSize(4), alnum())
        .as((before, middle, after) -> new Sample(kind, before + String.join("", middle) + after));
  }

  /** Strings of every class, in about equal shares. */
  @Provide
  Arbitrary<Sample> texts() {
    Map<String, Arbitrary<String>> classes = classPieces();
    List<Arbitrary<Sample>> all = new ArrayList<>();
    classes.forEach((kind, piece) -> all.add(ofClass(kind, piece)));
    // Whole values that are exactly a dot segment, or only whitespace.
    all.add(Arbitraries.of(".", "..").map(v -> new Sample(DOTS, v)));
    all.add(classes.get(SPACES).list().ofMinSize(1).ofMaxSize(3).map(l -> new Sample(SPACES, String.join("", l))));
    all.add(Combinators.combine(alnum(), Arbitraries.chars().range('\ud800', '\udfff'), alnum())
        .as((before, surrogate, after) -> new Sample(SURROGATE, before + surrogate + after)));
    all.add(Arbitraries.just(new Sample(EMPTY, "")));
    all.add(Arbitraries.oneOf(classes.values()).map(BadInputPropertiesTest::longText).map(v -> new Sample(LONG, v)));
    all.add(Arbitraries.oneOf(classes.values()).list().ofMinSize(2).ofMaxSize(6)
        .map(l -> new Sample(MIXED, String.join("", l))));
    return Arbitraries.oneOf(all);
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

  @Provide
  Arbitrary<String> textFields() {
    return Arbitraries.of("eventName", "eventType", "eventOrganizer", "eventUrl", "eventDescription");
  }

  @Provide
  Arbitrary<List<Sample>> options() {
    Arbitrary<Sample> option = Arbitraries.frequencyOf(
        Tuple.of(6, texts()),
        Tuple.of(2, Combinators.combine(alnum(), alnum()).as((a, b) -> new Sample("with ';'", a + ";" + b))),
        Tuple.of(4, alnum().filter(s -> !s.isEmpty()).map(s -> new Sample("plain", s))));
    return option.list().ofMaxSize(5);
  }

  @Provide
  Arbitrary<Double> doubles() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.doubles().withStandardSpecialValues()),
        Tuple.of(2, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.1, 1e21,
            1e-7, Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, 123456789.125)),
        Tuple.of(2, Arbitraries.longs().map(Double::longBitsToDouble)));
  }

  @Provide
  Arbitrary<BigDecimal> decimals() {
    return Combinators.combine(Arbitraries.bigIntegers().between(
            new java.math.BigInteger("-1" + "0".repeat(40)), new java.math.BigInteger("1" + "0".repeat(40))),
            Arbitraries.integers().between(-40, 40))
        .as(BigDecimal::new);
  }

  private static final LocalDate FAR_PAST = LocalDate.of(-20000, 1, 1);
  private static final LocalDate FAR_FUTURE = LocalDate.of(30000, 12, 31);

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, epochDays(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31))),
        Tuple.of(2, epochDays(LocalDate.of(1800, 1, 1), LocalDate.of(1969, 12, 31))),
        Tuple.of(2, Arbitraries.of(LocalDate.of(1969, 12, 31), LocalDate.of(1970, 1, 1), LocalDate.of(1, 1, 1),
            LocalDate.of(0, 12, 31), LocalDate.of(9999, 12, 31), LocalDate.of(10000, 1, 1), LocalDate.of(1582, 10, 4),
            LocalDate.of(1900, 2, 28), LocalDate.of(2000, 2, 29))),
        Tuple.of(2, epochDays(FAR_PAST, FAR_FUTURE)));
  }

  private static Arbitrary<LocalDate> epochDays(LocalDate from, LocalDate to) {
    return Arbitraries.longs().between(from.toEpochDay(), to.toEpochDay()).map(LocalDate::ofEpochDay);
  }

  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Integer> nanos = Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(0)),
        Tuple.of(1, Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000)),
        Tuple.of(2, Arbitraries.integers().between(0, 999_999_999)));
    Arbitrary<Long> seconds = Arbitraries.frequencyOf(
        Tuple.of(4, secondsBetween("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z")),
        Tuple.of(2, secondsBetween("1800-01-01T00:00:00Z", "1969-12-31T23:59:59Z")),
        Tuple.of(2, Arbitraries.of(-1L, 0L, Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("0001-01-01T00:00:00Z").getEpochSecond() - 1,
            Instant.parse("9999-12-31T23:59:59Z").getEpochSecond(),
            Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() + 1)),
        Tuple.of(2, secondsBetween("-20000-01-01T00:00:00Z", "+30000-12-31T23:59:59Z")));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  private static Arbitrary<Long> secondsBetween(String from, String to) {
    return Arbitraries.longs().between(Instant.parse(from).getEpochSecond(), Instant.parse(to).getEpochSecond());
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
