package com.deskbridge.localaws.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A SAM/CloudFormation template as loaded from YAML: the whole document as a Jackson tree (intrinsics in long
 * form), ready for JSON-schema validation, and the entry point to its typed, resolved view
 * ({@link #model(Map, String, String)}).
 */
public final class SamTemplate {
    private final JsonNode json;
    private final String origin;

    private SamTemplate(JsonNode json, String origin) {
        this.json = json;
        this.origin = origin;
    }

    /**
     * @param path template file (YAML or JSON)
     * @return the loaded template
     */
    public static SamTemplate load(Path path) {
        try {
            return new SamTemplate(CloudFormationYaml.parse(Files.readString(path, StandardCharsets.UTF_8)),
                    path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + path, e);
        } catch (TemplateException e) {
            throw new TemplateException(path + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param yaml template text
     * @return the parsed template
     */
    public static SamTemplate parse(String yaml) {
        return new SamTemplate(CloudFormationYaml.parse(yaml), "<string>");
    }

    /** @return the whole template as JSON, intrinsics in long form (do not modify) */
    public JsonNode json() {
        return json;
    }

    /** @return where the template came from (file path or {@code <string>}) */
    public String origin() {
        return origin;
    }

    /**
     * @param parameterOverrides parameter values that replace the defaults
     * @param region region used for ARNs and {@code AWS::Region}
     * @param stackName value of {@code AWS::StackName}
     * @return the typed view
     */
    public TemplateModel model(Map<String, String> parameterOverrides, String region, String stackName) {
        return new TemplateModel(this, parameterOverrides, region, stackName);
    }
}
