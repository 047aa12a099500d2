package dev.eventpatch.hubspot.marketingevents.contract.pact;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageHasKey;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.responseStatusIs;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.pact.PactProviderValidationResults;
import com.atlassian.oai.validator.pact.PactProviderValidator;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
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
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a pact file against the spec with Atlassian's {@code swagger-request-validator-pact}:
 * each interaction's request (path, query, headers, security, body) and response (status,
 * headers, body) must be what the spec allows. No server is involved.
 *
 * <p>Every finding is an error: no level is relaxed. One finding is excused, by a named rule:
 * an interaction that sends no bearer token on purpose, to show the provider's 401, is not
 * reported for the missing token when its expected answer is that 401.
 *
 * <p>The validator (2.44.1) checks only the {@code security} an operation declares itself, and
 * ignores the document-wide {@code security} that this spec uses; so the spec is parsed here
 * and the document's requirement is given to every operation that has none, which is what
 * OpenAPI says it means. Without that, a pact that sent no token would pass.
 */
final class SpecValidation {

  /** The validator's key for a request that lacks what the spec's security scheme needs. */
  static final String SECURITY_MISSING = "validation.request.security.missing";

  private SpecValidation() {}

  /** The spec the build copies to {@code target/spec}, the one the clients are generated from. */
  static Path spec() {
    Path spec =
        Path.of(System.getProperty("prism.spec", "target/spec/marketing-events-spec.yaml"))
            .toAbsolutePath();
    if (!Files.isRegularFile(spec)) {
      throw new IllegalStateException(
          "The spec is not at " + spec + ": run the tests through Maven"
              + " (`mvn -pl contract-tests -am verify`), which copies it there.");
    }
    return spec;
  }

  private static OpenAPI specWithSecurityOnEachOperation() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed =
        new OpenAPIV3Parser().readLocation(spec().toUri().toString(), null, options);
    OpenAPI api = parsed.getOpenAPI();
    if (api == null) {
      throw new IllegalStateException("The spec did not parse: " + parsed.getMessages());
    }
    inlineSharedRequestParts(api);
    mergeAllOf(api);
    if (api.getSecurity() != null && !api.getSecurity().isEmpty()) {
      for (PathItem path : api.getPaths().values()) {
        for (Operation operation : path.readOperations()) {
          if (operation.getSecurity() == null) {
            operation.setSecurity(api.getSecurity());
          }
        }
      }
    }
    return api;
  }

  /**
   * The versions of the operation share their request body and parameters as components. The
   * validator follows $refs to schemas and responses but not to request bodies (it fails with a
   * NullPointerException on the body's missing content), so those refs are replaced by what they
   * name; parameters likewise, to be safe.
   */
  private static void inlineSharedRequestParts(OpenAPI api) {
    if (api.getComponents() == null) {
      return;
    }
    for (PathItem path : api.getPaths().values()) {
      for (Operation operation : path.readOperations()) {
        RequestBody body = operation.getRequestBody();
        if (body != null && body.get$ref() != null) {
          operation.setRequestBody(
              api.getComponents().getRequestBodies().get(componentName(body.get$ref())));
        }
        if (operation.getParameters() != null) {
          List<Parameter> parameters = new ArrayList<>();
          for (Parameter parameter : operation.getParameters()) {
            parameters.add(
                parameter.get$ref() == null
                    ? parameter
                    : api.getComponents().getParameters().get(componentName(parameter.get$ref())));
          }
          operation.setParameters(parameters);
        }
      }
    }
  }

  /**
   * Rewrites each allOf of the component schemas as the one object it means (the properties of
   * all parts, a later part's replacing an earlier one's of the same name, and the union of their
   * required lists). The versions extend shared schemas through allOf; the validator checks each
   * part on its own and reports "failed to match all required schemas" for a part whose property
   * the other part narrows, though the request fits the merged schema.
   */
  private static void mergeAllOf(OpenAPI api) {
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
      object.setProperties(properties);
      object.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
      merged.put(entry.getKey(), object);
    }
    api.getComponents().setSchemas(merged);
  }

  private static void collectParts(
      Map<String, Schema> schemas,
      Schema<?> schema,
      Map<String, Schema> properties,
      Set<String> required) {
    Schema<?> s =
        schema.get$ref() == null ? schema : schemas.get(componentName(schema.get$ref()));
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

  private static String componentName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  static PactProviderValidationResults validate(String consumer, Path pactFile) {
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createFor(specWithSecurityOnEachOperation())
            .withWhitelist(
                ValidationErrorsWhitelist.create()
                    .withRule(
                        "an interaction showing the 401 for a request without a token",
                        allOf(messageHasKey(SECURITY_MISSING), responseStatusIs(401))))
            .build();
    try {
      return PactProviderValidator.createFor(validator)
          .withConsumer(consumer, pactFile.toUri().toURL())
          .build()
          .validate();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
