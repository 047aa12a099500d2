package dev.eventpatch.hubspot.marketingevents.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec the fake serves: the update paths found in it, and the validator that checks
 * requests against it. Paths are discovered, never listed here, so that a kit built on a spec
 * with more versions serves them all.
 */
final class PinnedSpec {
  static final String RESOURCE = "marketing-events-spec.yaml";
  private static final String VERSION_RESOURCE = "pinned-spec.properties";
  // A version segment: v3, or a dated one such as 2026-03.
  private static final Pattern VERSION = Pattern.compile("^(v\\d+|\\d{4}-\\d{2}(-\\d{2})?)$");

  private final List<Route> routes;
  private final OpenApiInteractionValidator validator;

  private PinnedSpec(List<Route> routes, OpenApiInteractionValidator validator) {
    this.routes = routes;
    this.validator = validator;
  }

  /** The spec in the kit's jar, parsed once per class loader: parsing costs about a second. */
  static PinnedSpec pinned() {
    return Pinned.SPEC;
  }

  private static final class Pinned {
    static final PinnedSpec SPEC = load();
  }

  private static PinnedSpec load() {
    try (InputStream in = PinnedSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the kit's jar holds no " + RESOURCE + ": a broken build of the kit");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version of the spec in the kit's jar (the kit's own version). */
  static String pinnedVersion() {
    Properties p = new Properties();
    try (InputStream in = PinnedSpec.class.getResourceAsStream(VERSION_RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version", "unknown");
  }

  static PinnedSpec parse(String text) {
    OpenAPI api = model(text);
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
      if (isUpdate(e.getValue())) {
        routes.add(Route.of(e.getKey()));
      }
    }
    if (routes.isEmpty()) {
      throw new IllegalArgumentException(
          "the spec declares no update operation (a PATCH with the path parameter externalEventId"
              + " and the query parameter externalAccountId)");
    }
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createFor(api).build();
    return new PinnedSpec(Collections.unmodifiableList(routes), validator);
  }

  /**
   * The spec as the validator can check it: parsed, with the shared request parts it refers to
   * put in place and each allOf merged (see below). The validator is handed this model rather
   * than the text, which it would read with those refs and allOfs as they stand.
   */
  static OpenAPI model(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    OpenAPI api = result.getOpenAPI();
    if (api == null || api.getPaths() == null) {
      throw new IllegalArgumentException("not an OpenAPI 3 document: " + result.getMessages());
    }
    inlineSharedRequestParts(api);
    mergeAllOf(api);
    return api;
  }

  /**
   * The versions of the update share their request body and parameters as components. The
   * validator (2.44.1) follows $refs to schemas and responses but not to a request body (it
   * fails with a NullPointerException on the body's missing content), so such refs are replaced
   * by what they name; parameter refs likewise, which also lets {@link #isUpdate} read their
   * names and locations.
   */
  private static void inlineSharedRequestParts(OpenAPI api) {
    Components components = api.getComponents();
    if (components == null) {
      return;
    }
    for (PathItem path : api.getPaths().values()) {
      path.setParameters(inlined(components, path.getParameters()));
      for (Operation operation : path.readOperations()) {
        RequestBody body = operation.getRequestBody();
        if (body != null && body.get$ref() != null) {
          operation.setRequestBody(
              named(components.getRequestBodies(), body.get$ref(), "request body"));
        }
        operation.setParameters(inlined(components, operation.getParameters()));
      }
    }
  }

  private static List<Parameter> inlined(Components components, List<Parameter> parameters) {
    if (parameters == null) {
      return null;
    }
    List<Parameter> out = new ArrayList<>();
    for (Parameter p : parameters) {
      out.add(p.get$ref() == null ? p : named(components.getParameters(), p.get$ref(), "parameter"));
    }
    return out;
  }

  /**
   * Rewrites each allOf among the component schemas as the one object it means: the properties
   * of all parts (a later part's replacing an earlier one's of the same name) and the union of
   * their required lists. The versions extend shared schemas through allOf, and the validator
   * checks each part on its own: it refuses, as "failed to match all required schemas", a
   * request whose property one part narrows though the request fits the merged schema.
   */
  @SuppressWarnings("rawtypes") // the swagger model's own map type
  private static void mergeAllOf(OpenAPI api) {
    if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    Map<String, Schema> merged = new LinkedHashMap<>();
    for (Map.Entry<String, Schema> entry : schemas.entrySet()) {
      Schema<?> schema = entry.getValue();
      if (schema.getAllOf() == null || schema.getAllOf().isEmpty()) {
        merged.put(entry.getKey(), schema);
        continue;
      }
      Map<String, Schema> properties = new LinkedHashMap<>();
      Set<String> required = new LinkedHashSet<>();
      collectParts(schemas, schema, properties, required);
      ObjectSchema object = new ObjectSchema();
      object.setDescription(schema.getDescription());
      object.setProperties(properties);
      object.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
      merged.put(entry.getKey(), object);
    }
    api.getComponents().setSchemas(merged);
  }

  @SuppressWarnings("rawtypes")
  private static void collectParts(
      Map<String, Schema> schemas, Schema<?> schema, Map<String, Schema> properties, Set<String> required) {
    Schema<?> s = schema.get$ref() == null ? schema : named(schemas, schema.get$ref(), "schema");
    if (s.getAllOf() != null) {
      for (Schema<?> part : s.getAllOf()) {
        collectParts(schemas, part, properties, required);
      }
    }
    if (s.getProperties() != null) {
      properties.putAll(s.getProperties());
    }
    if (s.getRequired() != null) {
      required.addAll(s.getRequired());
    }
  }

  // A ref the document does not define is the spec's error; say which, rather than fail later
  // with a NullPointerException inside the validator.
  private static <T> T named(Map<String, T> components, String ref, String what) {
    T found = components == null ? null : components.get(ref.substring(ref.lastIndexOf('/') + 1));
    if (found == null) {
      throw new IllegalArgumentException("the spec refers to an undefined " + what + ": " + ref);
    }
    return found;
  }

  // The update operation is recognised by its shape, not by an operationId, which must differ
  // between the versions of one document.
  private static boolean isUpdate(PathItem item) {
    Operation patch = item.getPatch();
    if (patch == null) {
      return false;
    }
    List<Parameter> params = new ArrayList<>();
    if (item.getParameters() != null) {
      params.addAll(item.getParameters());
    }
    if (patch.getParameters() != null) {
      params.addAll(patch.getParameters());
    }
    boolean eventId = false;
    boolean accountId = false;
    for (Parameter p : params) {
      eventId |= "path".equals(p.getIn()) && "externalEventId".equals(p.getName());
      accountId |= "query".equals(p.getIn()) && "externalAccountId".equals(p.getName());
    }
    return eventId && accountId;
  }

  List<Route> routes() {
    return routes;
  }

  /** @return the route whose template the raw path fits, with the decoded event id; or null */
  Match match(String rawPath) {
    for (Route r : routes) {
      Matcher m = r.pattern.matcher(rawPath);
      if (m.matches()) {
        return new Match(r, URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return null;
  }

  /** @return one line per violation of the spec, empty if the request keeps to it */
  List<Violation> violations(
      String method, String rawPath, Map<String, List<String>> query, Map<String, List<String>> headers, String body) {
    SimpleRequest.Builder b = new SimpleRequest.Builder(method, rawPath);
    query.forEach(b::withQueryParam);
    headers.forEach(b::withHeader);
    if (!body.isEmpty()) {
      b.withBody(body);
    }
    ValidationReport report = validator.validateRequest(b.build());
    List<Violation> out = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        out.add(new Violation(m.getKey(), m.getMessage()));
      }
    }
    return out;
  }

  static final class Violation {
    final String key;
    final String message;

    Violation(String key, String message) {
      this.key = key;
      this.message = message;
    }
  }

  static final class Match {
    final Route route;
    final String externalEventId;

    Match(Route route, String externalEventId) {
      this.route = route;
      this.externalEventId = externalEventId;
    }
  }

  static final class Route {
    final String template;
    final String version;
    final Pattern pattern;

    private Route(String template, String version, Pattern pattern) {
      this.template = template;
      this.version = version;
      this.pattern = pattern;
    }

    static Route of(String template) {
      String version = template;
      for (String segment : template.split("/")) {
        if (VERSION.matcher(segment).matches()) {
          version = segment;
          break;
        }
      }
      StringBuilder regex = new StringBuilder();
      Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
      int last = 0;
      while (m.find()) {
        regex.append(Pattern.quote(template.substring(last, m.start())));
        regex.append("externalEventId".equals(m.group(1)) ? "([^/]+)" : "[^/]+");
        last = m.end();
      }
      regex.append(Pattern.quote(template.substring(last)));
      return new Route(template, version, Pattern.compile(regex.toString()));
    }
  }
}
