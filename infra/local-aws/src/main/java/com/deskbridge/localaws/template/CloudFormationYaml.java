package com.deskbridge.localaws.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads CloudFormation/SAM YAML with SnakeYAML, turning the short-form intrinsic tags ({@code !Ref}, {@code !GetAtt},
 * {@code !Sub}, ...) into their long JSON forms ({@code {"Ref": ..}}, {@code {"Fn::GetAtt": [A, B]}}, ...). Timestamps
 * stay strings, as CloudFormation keeps them.
 */
public final class CloudFormationYaml {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> FUNCTION_TAGS = new LinkedHashMap<>();

    static {
        for (String fn : List.of("Sub", "Join", "Select", "Split", "If", "Equals", "Not", "And", "Or", "FindInMap",
                "ImportValue", "Base64", "GetAZs", "Cidr", "Transform", "Length", "ToJsonString")) {
            FUNCTION_TAGS.put("!" + fn, "Fn::" + fn);
        }
    }

    private CloudFormationYaml() {
    }

    /**
     * @param yaml template text (YAML or JSON)
     * @return the template as a JSON tree with long-form intrinsics
     * @throws TemplateException when the text is not a YAML mapping
     */
    public static JsonNode parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(50 * 1024 * 1024);
        options.setAllowDuplicateKeys(false);
        Object loaded;
        try {
            loaded = new Yaml(new CfnConstructor(options)).load(yaml);
        } catch (RuntimeException e) {
            throw new TemplateException("template is not valid YAML: " + e.getMessage(), e);
        }
        if (!(loaded instanceof Map)) {
            throw new TemplateException("template must be a YAML mapping at the top level");
        }
        return MAPPER.valueToTree(loaded);
    }

    /** SnakeYAML constructor that knows the CloudFormation tags. */
    private static final class CfnConstructor extends SafeConstructor {
        CfnConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
            FUNCTION_TAGS.forEach((tag, fn) -> yamlConstructors.put(new Tag(tag), new Intrinsic(fn)));
        }

        Object constructAny(Node node) {
            if (node instanceof ScalarNode scalar) {
                return constructScalar(scalar);
            }
            if (node instanceof SequenceNode sequence) {
                List<Object> out = new ArrayList<>();
                for (Node child : sequence.getValue()) {
                    out.add(constructObject(child));
                }
                return out;
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            constructMapping2ndStep((MappingNode) node, out);
            return out;
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String name;

            Intrinsic(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put(name, constructAny(node));
                return out;
            }
        }

        private final class GetAtt extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object value = constructAny(node);
                if (value instanceof String text) {
                    int dot = text.indexOf('.');
                    if (dot <= 0 || dot == text.length() - 1) {
                        throw new TemplateException("!GetAtt " + text + ": expected LogicalId.Attribute (line "
                                + (node.getStartMark().getLine() + 1) + ")");
                    }
                    value = List.of(text.substring(0, dot), text.substring(dot + 1));
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("Fn::GetAtt", value);
                return out;
            }
        }
    }
}
