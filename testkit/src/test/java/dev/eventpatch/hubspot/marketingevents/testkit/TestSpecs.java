package dev.eventpatch.hubspot.marketingevents.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/** Specs derived from the pinned one, as a newer spec with dated versions would look. */
final class TestSpecs {
  private TestSpecs() {}

  /**
   * A spec of two versions, unlike the pinned one: its first (legacy v3) update path, and a copy
   * of it at the dated version 2026-03. The pinned spec's other paths are left out, so that a
   * fake given this spec is seen to serve what it declares and nothing else.
   */
  static Path twoVersions() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (InputStream in = HubSpotFake.class.getResourceAsStream(PinnedSpec.RESOURCE)) {
      ObjectNode root = (ObjectNode) yaml.readTree(in);
      ObjectNode paths = (ObjectNode) root.get("paths");
      Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = paths.fields();
      Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> legacy = it.next();
      while (it.hasNext()) {
        it.next();
        it.remove();
      }
      ObjectNode dated = legacy.getValue().deepCopy();
      // operationIds are unique within a document, so every version has its own.
      ObjectNode patch = (ObjectNode) dated.get("patch");
      patch.put("operationId", patch.get("operationId").asText() + "_2026_03");
      paths.set("/marketing/marketing-events/2026-03/events/{externalEventId}", dated);
      Path file = Files.createTempFile("two-versions", ".yaml");
      file.toFile().deleteOnExit();
      yaml.writeValue(file.toFile(), root);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
