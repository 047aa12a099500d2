package dev.eventpatch.hubspot.marketingevents.testkit;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * JUnit 5 extension: one {@link HubSpotFake} per test class, started before the class's first
 * test and closed after its last, {@linkplain HubSpotFake#reset() reset} before each test, and
 * injected into any parameter of type {@link HubSpotFake} of a test or {@code @BeforeEach}/{@code @AfterEach} method.
 * Silent while tests pass; when a test fails it prints the fake's journal (one line a request:
 * what was answered and why, never a token) to standard error.
 *
 * <pre>{@code
 * @ExtendWith(HubSpotFakeExtension.class)
 * class SyncJobTest {
 *   @Test
 *   void pushesTheNewName(HubSpotFake hubspot) { ... }
 * }
 * }</pre>
 *
 * <p>For non-default settings, register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final HubSpotFakeExtension HUBSPOT =
 *     new HubSpotFakeExtension(HubSpotFake.builder().rateLimit(100, Duration.ofSeconds(10)));
 * }</pre>
 *
 * <p>Works with JUnit Jupiter 5.10 and later, including 6.
 */
public final class HubSpotFakeExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver, TestWatcher {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(HubSpotFakeExtension.class);
  private static final String KEY = "fake";

  private final HubSpotFake.Builder builder;
  private final PrintStream failureOutput;
  private volatile HubSpotFake current;

  /** A fake with the defaults of {@link HubSpotFake#start()}; what {@code @ExtendWith} uses. */
  public HubSpotFakeExtension() {
    this(HubSpotFake.builder());
  }

  /**
   * A fake with these settings.
   *
   * @param builder the settings; started once per test class
   */
  public HubSpotFakeExtension(HubSpotFake.Builder builder) {
    this(builder, System.err);
  }

  HubSpotFakeExtension(HubSpotFake.Builder builder, PrintStream failureOutput) {
    this.builder = Objects.requireNonNull(builder, "builder == null");
    this.failureOutput = failureOutput;
  }

  /**
   * @return the fake of the test class running now, for extensions registered on a static field
   * @throws IllegalStateException outside a test class's run
   */
  public HubSpotFake fake() {
    HubSpotFake f = current;
    if (f == null) {
      throw new IllegalStateException("no fake running: register the extension on a static field and call fake() from a test");
    }
    return f;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    HubSpotFake fake = builder.start();
    context.getStore(NAMESPACE).put(KEY, fake);
    current = fake;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // Removed before closing, so that a JUnit that closes stored AutoCloseables does not do it twice.
    HubSpotFake fake = context.getStore(NAMESPACE).remove(KEY, HubSpotFake.class);
    if (fake != null) {
      fake.close();
    }
    current = null;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    fakeOf(context).reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == HubSpotFake.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return fakeOf(extensionContext);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    HubSpotFake fake = context.getStore(NAMESPACE).get(KEY, HubSpotFake.class);
    if (fake == null) {
      return;
    }
    List<String> lines = fake.journal();
    StringBuilder out = new StringBuilder();
    out.append("HubSpot fake at ").append(fake.baseUrl()).append(", during ").append(context.getDisplayName())
        .append(": ").append(lines.size()).append(lines.size() == 1 ? " request" : " requests").append('\n');
    for (String line : lines) {
      out.append("  ").append(line).append('\n');
    }
    failureOutput.print(out);
    failureOutput.flush();
  }

  private static HubSpotFake fakeOf(ExtensionContext context) {
    HubSpotFake fake = context.getStore(NAMESPACE).get(KEY, HubSpotFake.class);
    if (fake == null) {
      throw new IllegalStateException("no fake for " + context.getDisplayName() + ": is the extension registered on the class?");
    }
    return fake;
  }
}
