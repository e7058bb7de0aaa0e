package com.deskbridge.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deskbridge.localaws.template.SamTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the project's template.yaml against the official SAM JSON schema (draft-04), and shows the validator
 * is real with the SAM project's own valid and invalid samples.
 */
class SamTemplateSchemaTest {
    private static Path root;
    private static Path reference;
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        root = ProjectRoot.find();
        reference = root.resolve("../shared/reference/sam").normalize();
        Path schemaFile = reference.resolve("schema/sam.schema.json");
        assumeTrue(Files.isRegularFile(schemaFile),
                "SAM schema not found at " + schemaFile + " (../shared is absent): schema validation skipped");
        try (InputStream in = Files.newInputStream(schemaFile)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                    .getSchema(new ObjectMapper().readTree(in));
        }
    }

    static Set<ValidationMessage> validate(Path template) {
        return schema.validate(SamTemplate.load(template).json());
    }

    @Test
    void projectTemplateIsValidAgainstTheSamSchema() {
        Path template = root.resolve("template.yaml");
        Set<ValidationMessage> errors = validate(template);
        assertThat(errors).as("schema errors in " + template).isEmpty();
    }

    @Test
    void officialValidSamplesPass() throws IOException {
        List<Path> samples = samples("valid");
        assertThat(samples).isNotEmpty();
        for (Path sample : samples) {
            assertThat(validate(sample)).as(sample.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void officialInvalidSamplesFail() throws IOException {
        List<Path> samples = samples("invalid");
        assertThat(samples).isNotEmpty();
        for (Path sample : samples) {
            assertThat(validate(sample)).as(sample.getFileName().toString()).isNotEmpty();
        }
    }

    private static List<Path> samples(String kind) throws IOException {
        try (Stream<Path> files = Files.list(reference.resolve("sample-templates").resolve(kind))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
