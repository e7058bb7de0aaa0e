package com.deskbridge.localaws.lambda;

import com.deskbridge.localaws.template.FunctionSpec;
import com.deskbridge.localaws.template.IntrinsicResolver;
import com.deskbridge.localaws.template.TemplateException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The functions' environment in one JVM. Environment variables cannot be set at run time, so every resolved
 * variable of every function, plus the stack's endpoint variables, is published as a Java system property of the
 * same name (handlers read env first, then system properties). Two functions giving one variable different values
 * cannot share a JVM: that fails fast. {@link #restore()} puts the previous system properties back.
 */
public final class FunctionEnvironment {
    /** Variables Lambda reserves; a template may not set them. */
    private static final Set<String> RESERVED = Set.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_RUNTIME_API",
            "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "_HANDLER", "_X_AMZN_TRACE_ID");

    private final Map<String, String> values;
    private final Map<String, String> previous = new LinkedHashMap<>();
    private boolean published;

    private FunctionEnvironment(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Resolves the functions' variables and merges them with the stack's.
     *
     * @param functions the functions
     * @param resolver resolver that knows the local queue URLs
     * @param stackVariables endpoint URLs, region and credentials set by the stack (they win over the template)
     * @return the environment, not yet published
     * @throws TemplateException on a reserved name, an unresolvable value or a conflict between functions
     */
    public static FunctionEnvironment resolve(Collection<FunctionSpec> functions, IntrinsicResolver resolver,
                                              Map<String, String> stackVariables) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> owners = new LinkedHashMap<>();
        for (FunctionSpec function : functions) {
            for (Map.Entry<String, JsonNode> e : function.environment().entrySet()) {
                String name = e.getKey();
                String at = "Resources." + function.logicalId() + ".Properties.Environment.Variables." + name;
                if (RESERVED.contains(name) || name.startsWith("AWS_LAMBDA_")) {
                    throw TemplateException.at(at, name + " is reserved by Lambda and cannot be set");
                }
                JsonNode resolved = resolver.resolve(e.getValue(), at);
                if (resolved.isMissingNode()) {
                    continue;
                }
                if (!resolved.isValueNode() || resolved.isNull()) {
                    throw TemplateException.at(at, "an environment variable must be a string, found " + resolved);
                }
                String value = resolved.asText();
                String other = values.get(name);
                if (other != null && !other.equals(value)) {
                    throw new TemplateException("environment variable " + name + " has different values in "
                            + owners.get(name) + " (" + other + ") and " + function.logicalId() + " (" + value
                            + "); the local stack runs all functions in one JVM and publishes variables as system"
                            + " properties, so they must agree");
                }
                values.put(name, value);
                owners.putIfAbsent(name, function.logicalId());
            }
        }
        values.putAll(stackVariables);
        return new FunctionEnvironment(values);
    }

    /** @return every variable and its value */
    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    /** Sets every variable as a system property, remembering the previous values. */
    public synchronized void publish() {
        if (published) {
            return;
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            previous.put(e.getKey(), System.getProperty(e.getKey()));
            System.setProperty(e.getKey(), e.getValue());
        }
        published = true;
    }

    /** Restores the system properties as they were before {@link #publish()}. */
    public synchronized void restore() {
        if (!published) {
            return;
        }
        for (Map.Entry<String, String> e : previous.entrySet()) {
            if (e.getValue() == null) {
                System.clearProperty(e.getKey());
            } else {
                System.setProperty(e.getKey(), e.getValue());
            }
        }
        previous.clear();
        published = false;
    }
}
