package com.deskbridge.localaws.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves CloudFormation intrinsic functions to the values they have in the local stack: {@code Ref} of a table
 * is its name, of a queue its local URL, {@code Fn::GetAtt Queue.Arn} a local ARN in account 000000000000, and so
 * on. Anything it cannot resolve faithfully raises a {@link TemplateException} naming the location; it never
 * guesses.
 */
public final class IntrinsicResolver {
    /** Account id used for every local ARN. */
    public static final String ACCOUNT_ID = "000000000000";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> UNSUPPORTED = Set.of("Fn::Cidr", "Fn::ImportValue", "Fn::Transform",
            "Fn::Length", "Fn::ToJsonString", "Fn::ForEach");

    private final JsonNode root;
    private final Map<String, TemplateParameter> parameters;
    private final String region;
    private final String stackName;
    private final Function<String, String> queueUrls;
    private final Map<String, Boolean> conditionValues = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    /**
     * @param root whole template
     * @param parameters effective parameter values
     * @param region region for ARNs and {@code AWS::Region}
     * @param stackName value of {@code AWS::StackName}
     * @param queueUrls queue logical id to its local URL (for {@code Ref} of a queue)
     */
    public IntrinsicResolver(JsonNode root, Map<String, TemplateParameter> parameters, String region,
                             String stackName, Function<String, String> queueUrls) {
        this.root = root;
        this.parameters = parameters;
        this.region = region;
        this.stackName = stackName;
        this.queueUrls = queueUrls;
    }

    /** @return the region */
    public String region() {
        return region;
    }

    /**
     * Resolves every intrinsic in a value.
     *
     * @param node value from the template
     * @param location where it is (for errors)
     * @return the resolved value; {@link MissingNode} when it is {@code AWS::NoValue}
     */
    public JsonNode resolve(JsonNode node, String location) {
        if (node == null || node.isMissingNode()) {
            return MissingNode.getInstance();
        }
        if (node.isObject()) {
            if (node.size() == 1) {
                String key = node.fieldNames().next();
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return intrinsic(key, node.get(key), location);
                }
            }
            ObjectNode out = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = resolve(field.getValue(), location + "." + field.getKey());
                if (!value.isMissingNode()) {
                    out.set(field.getKey(), value);
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = resolve(node.get(i), location + "[" + i + "]");
                if (!value.isMissingNode()) {
                    out.add(value);
                }
            }
            return out;
        }
        return node;
    }

    /**
     * @param node value from the template
     * @param location where it is
     * @return the value as a string (numbers and booleans as their text)
     * @throws TemplateException when it is not a scalar
     */
    public String resolveString(JsonNode node, String location) {
        JsonNode value = resolve(node, location);
        if (value.isMissingNode() || value.isNull()) {
            throw TemplateException.at(location, "a value is required here, found nothing (AWS::NoValue or null)");
        }
        if (!value.isValueNode()) {
            throw TemplateException.at(location, "expected a string, found " + value);
        }
        return value.asText();
    }

    /**
     * @param node value from the template, may be null
     * @param location where it is
     * @param defaultValue used when absent
     * @return the integer value
     */
    public int resolveInt(JsonNode node, String location, int defaultValue) {
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        JsonNode value = resolve(node, location);
        if (value.isMissingNode()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.asText().trim());
        } catch (NumberFormatException e) {
            throw TemplateException.at(location, "expected an integer, found " + value);
        }
    }

    /**
     * @param node value from the template, may be null
     * @param location where it is
     * @param defaultValue used when absent
     * @return the boolean value
     */
    public boolean resolveBoolean(JsonNode node, String location, boolean defaultValue) {
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        JsonNode value = resolve(node, location);
        if (value.isMissingNode()) {
            return defaultValue;
        }
        String text = value.asText();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw TemplateException.at(location, "expected true or false, found " + value);
    }

    /**
     * Evaluates a named condition of the {@code Conditions} section.
     *
     * @param name condition name
     * @param location where it is used
     * @return its value
     */
    public boolean condition(String name, String location) {
        Boolean known = conditionValues.get(name);
        if (known != null) {
            return known;
        }
        JsonNode definition = root.path("Conditions").get(name);
        if (definition == null) {
            throw TemplateException.at(location, "condition " + name + " is not defined in Conditions");
        }
        if (!evaluating.add(name)) {
            throw TemplateException.at("Conditions." + name, "condition refers to itself");
        }
        try {
            boolean value = evaluateCondition(definition, "Conditions." + name);
            conditionValues.put(name, value);
            return value;
        } finally {
            evaluating.remove(name);
        }
    }

    /**
     * @param logicalId resource logical id
     * @return whether the resource exists in the template and its Condition (if any) holds
     */
    public boolean resourceActive(String logicalId) {
        JsonNode resource = root.path("Resources").get(logicalId);
        if (resource == null) {
            return false;
        }
        JsonNode condition = resource.get("Condition");
        return condition == null || condition(condition.asText(), "Resources." + logicalId + ".Condition");
    }

    /**
     * @param logicalId resource logical id
     * @param location where it is referenced
     * @return the resource's physical name in the local stack
     */
    public String physicalName(String logicalId, String location) {
        JsonNode props = resource(logicalId, location).path("Properties");
        String at = "Resources." + logicalId + ".Properties.";
        switch (type(logicalId, location)) {
            case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable":
                return optionalName(props, "TableName", at, logicalId);
            case "AWS::SQS::Queue": {
                boolean fifo = resolveBoolean(props.get("FifoQueue"), at + "FifoQueue", false);
                return optionalName(props, "QueueName", at, fifo ? logicalId + ".fifo" : logicalId);
            }
            case "AWS::S3::Bucket":
                return optionalName(props, "BucketName", at, logicalId.toLowerCase(java.util.Locale.ROOT));
            case "AWS::Serverless::Function", "AWS::Lambda::Function":
                return optionalName(props, "FunctionName", at, logicalId);
            case "AWS::Events::EventBus":
                return resolveString(props.get("Name"), at + "Name");
            case "AWS::Events::Rule":
                return optionalName(props, "Name", at, logicalId);
            case "AWS::Serverless::HttpApi":
                return logicalId.toLowerCase(java.util.Locale.ROOT);
            // Cognito: the runner's OIDC issuer plays the pool under these ids (the shapes of Cognito's)
            case "AWS::Cognito::UserPool":
                return region + "_" + logicalId;
            case "AWS::Cognito::UserPoolClient":
                return logicalId.toLowerCase(java.util.Locale.ROOT);
            case "AWS::Cognito::UserPoolGroup":
                return resolveString(props.get("GroupName"), at + "GroupName");
            case "AWS::Cognito::UserPoolDomain":
                return resolveString(props.get("Domain"), at + "Domain");
            default:
                throw TemplateException.at(location, "resource " + logicalId + " of type " + type(logicalId, location)
                        + " cannot be referenced locally (supported: tables, queues, buckets, functions, event buses,"
                        + " rules, HTTP APIs, Cognito user pools, clients, groups and domains)");
        }
    }

    /**
     * @param logicalId resource logical id
     * @param location where it is referenced
     * @return the resource's ARN in the local stack
     */
    public String arn(String logicalId, String location) {
        String name = physicalName(logicalId, location);
        return switch (type(logicalId, location)) {
            case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" ->
                    "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + name;
            case "AWS::SQS::Queue" -> "arn:aws:sqs:" + region + ":" + ACCOUNT_ID + ":" + name;
            case "AWS::S3::Bucket" -> "arn:aws:s3:::" + name;
            case "AWS::Serverless::Function", "AWS::Lambda::Function" ->
                    "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + name;
            case "AWS::Events::EventBus" -> "arn:aws:events:" + region + ":" + ACCOUNT_ID + ":event-bus/" + name;
            case "AWS::Events::Rule" -> "arn:aws:events:" + region + ":" + ACCOUNT_ID + ":rule/" + name;
            case "AWS::Cognito::UserPool" -> "arn:aws:cognito-idp:" + region + ":" + ACCOUNT_ID + ":userpool/" + name;
            default -> throw TemplateException.at(location, "resource " + logicalId + " has no local ARN");
        };
    }

    /**
     * @param logicalId resource logical id
     * @param location where it is referenced
     * @return the resource type
     */
    public String type(String logicalId, String location) {
        return resource(logicalId, location).path("Type").asText();
    }

    private JsonNode resource(String logicalId, String location) {
        JsonNode resource = root.path("Resources").get(logicalId);
        if (resource == null) {
            throw TemplateException.at(location, "unknown resource, parameter or pseudo parameter '" + logicalId + "'");
        }
        if (!resourceActive(logicalId)) {
            throw TemplateException.at(location, "resource " + logicalId + " is not created (its Condition is false)");
        }
        return resource;
    }

    private String optionalName(JsonNode props, String field, String at, String fallback) {
        JsonNode value = props.get(field);
        return value == null ? fallback : resolveString(value, at + field);
    }

    private JsonNode intrinsic(String fn, JsonNode arg, String location) {
        String at = location + "." + fn;
        if (UNSUPPORTED.contains(fn)) {
            throw TemplateException.at(location, fn + " is not supported by the local stack");
        }
        switch (fn) {
            case "Ref":
                return ref(textArg(arg, at), at);
            case "Fn::GetAtt":
                return TextNode.valueOf(getAtt(arg, at));
            case "Fn::Sub":
                return TextNode.valueOf(sub(arg, at));
            case "Fn::Join": {
                JsonNode args = listArg(arg, 2, at);
                String delimiter = resolveString(args.get(0), at + "[0]");
                JsonNode values = resolve(args.get(1), at + "[1]");
                if (!values.isArray()) {
                    throw TemplateException.at(at, "second argument must be a list");
                }
                List<String> parts = new ArrayList<>();
                values.forEach(v -> parts.add(scalar(v, at)));
                return TextNode.valueOf(String.join(delimiter, parts));
            }
            case "Fn::Select": {
                JsonNode args = listArg(arg, 2, at);
                int index = resolveInt(args.get(0), at + "[0]", 0);
                JsonNode values = resolve(args.get(1), at + "[1]");
                if (!values.isArray() || index < 0 || index >= values.size()) {
                    throw TemplateException.at(at, "index " + index + " is outside the list " + values);
                }
                return values.get(index);
            }
            case "Fn::Split": {
                JsonNode args = listArg(arg, 2, at);
                String delimiter = resolveString(args.get(0), at + "[0]");
                String source = resolveString(args.get(1), at + "[1]");
                ArrayNode out = NODES.arrayNode();
                for (String part : source.split(java.util.regex.Pattern.quote(delimiter), -1)) {
                    out.add(part);
                }
                return out;
            }
            case "Fn::If": {
                JsonNode args = listArg(arg, 3, at);
                boolean value = condition(textArg(args.get(0), at + "[0]"), at);
                return resolve(args.get(value ? 1 : 2), at + (value ? "[1]" : "[2]"));
            }
            case "Fn::FindInMap": {
                JsonNode args = listArg(arg, 3, at);
                String map = resolveString(args.get(0), at + "[0]");
                String first = resolveString(args.get(1), at + "[1]");
                String second = resolveString(args.get(2), at + "[2]");
                JsonNode value = root.path("Mappings").path(map).path(first).path(second);
                if (value.isMissingNode()) {
                    throw TemplateException.at(at, "Mappings." + map + "." + first + "." + second + " does not exist");
                }
                return value;
            }
            case "Fn::Base64":
                return TextNode.valueOf(Base64.getEncoder()
                        .encodeToString(resolveString(arg, at).getBytes(StandardCharsets.UTF_8)));
            case "Fn::GetAZs": {
                ArrayNode out = NODES.arrayNode();
                for (String suffix : List.of("a", "b", "c")) {
                    out.add(region + suffix);
                }
                return out;
            }
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or":
                return NODES.booleanNode(evaluateCondition(NODES.objectNode().set(fn, arg), location));
            default:
                throw TemplateException.at(location, "unknown intrinsic function " + fn);
        }
    }

    private JsonNode ref(String name, String at) {
        JsonNode pseudo = pseudo(name, at);
        if (pseudo != null) {
            return pseudo;
        }
        TemplateParameter parameter = parameters.get(name);
        if (parameter != null) {
            if (parameter.value() == null) {
                throw TemplateException.at(at, "parameter " + name + " has no default and no override");
            }
            String type = parameter.type() == null ? "String" : parameter.type();
            if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
                ArrayNode out = NODES.arrayNode();
                for (String part : parameter.value().split(",", -1)) {
                    out.add(part.trim());
                }
                return out;
            }
            return TextNode.valueOf(parameter.value());
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && (name.endsWith(".Alias") || name.endsWith(".Version"))
                && type(name.substring(0, dot), at).equals("AWS::Serverless::Function")) {
            // SAM's AutoPublishAlias references: the alias (or version) ARN
            String function = arn(name.substring(0, dot), at);
            return TextNode.valueOf(name.endsWith(".Alias") ? function + ":" + aliasName(name.substring(0, dot)) : function + ":1");
        }
        String type = type(name, at);
        if (type.equals("AWS::SQS::Queue")) {
            return TextNode.valueOf(queueUrls.apply(name));
        }
        return TextNode.valueOf(physicalName(name, at));
    }

    private JsonNode pseudo(String name, String at) {
        return switch (name) {
            case "AWS::Region" -> TextNode.valueOf(region);
            case "AWS::AccountId" -> TextNode.valueOf(ACCOUNT_ID);
            case "AWS::StackName" -> TextNode.valueOf(stackName);
            case "AWS::StackId" -> TextNode.valueOf("arn:aws:cloudformation:" + region + ":" + ACCOUNT_ID + ":stack/"
                    + stackName + "/00000000-0000-0000-0000-000000000000");
            case "AWS::Partition" -> TextNode.valueOf("aws");
            case "AWS::URLSuffix" -> TextNode.valueOf("amazonaws.com");
            case "AWS::NoValue" -> MissingNode.getInstance();
            case "AWS::NotificationARNs" -> NODES.arrayNode();
            default -> {
                if (name.startsWith("AWS::")) {
                    throw TemplateException.at(at, "unknown pseudo parameter " + name);
                }
                yield null;
            }
        };
    }

    /** The function's AutoPublishAlias (its own, else the Globals'), {@code live} when neither names one. */
    private String aliasName(String functionLogicalId) {
        JsonNode own = root.path("Resources").path(functionLogicalId).path("Properties").path("AutoPublishAlias");
        JsonNode alias = own.isMissingNode() ? root.path("Globals").path("Function").path("AutoPublishAlias") : own;
        return alias.isTextual() ? alias.asText() : "live";
    }

    private String getAtt(JsonNode arg, String at) {
        JsonNode args = arg;
        if (arg.isTextual()) {
            String text = arg.asText();
            int dot = text.indexOf('.');
            if (dot <= 0) {
                throw TemplateException.at(at, "expected LogicalId.Attribute, found " + text);
            }
            args = NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
        }
        args = listArg(args, 2, at);
        String logicalId = resolveString(args.get(0), at + "[0]");
        String attribute = resolveString(args.get(1), at + "[1]");
        return attribute(logicalId, attribute, at);
    }

    private String attribute(String logicalId, String attribute, String at) {
        String type = type(logicalId, at);
        String name = physicalName(logicalId, at);
        switch (type + "." + attribute) {
            case "AWS::SQS::Queue.Arn", "AWS::DynamoDB::Table.Arn", "AWS::Serverless::SimpleTable.Arn",
                 "AWS::S3::Bucket.Arn", "AWS::Serverless::Function.Arn", "AWS::Lambda::Function.Arn",
                 "AWS::Events::EventBus.Arn", "AWS::Events::Rule.Arn":
                return arn(logicalId, at);
            case "AWS::SQS::Queue.QueueName", "AWS::Events::EventBus.Name":
                return name;
            case "AWS::SQS::Queue.QueueUrl":
                return queueUrls.apply(logicalId);
            case "AWS::DynamoDB::Table.StreamArn":
                return arn(logicalId, at) + "/stream/1970-01-01T00:00:00.000";
            case "AWS::Cognito::UserPool.Arn":
                return arn(logicalId, at);
            case "AWS::Cognito::UserPool.UserPoolId", "AWS::Cognito::UserPoolClient.ClientId":
                return name;
            case "AWS::Cognito::UserPool.ProviderName":
                return "cognito-idp." + region + ".amazonaws.com/" + name;
            case "AWS::Cognito::UserPool.ProviderURL":
                return "https://cognito-idp." + region + ".amazonaws.com/" + name;
            default:
                throw TemplateException.at(at, "attribute " + attribute + " of " + logicalId + " (" + type
                        + ") is not supported by the local stack");
        }
    }

    private String sub(JsonNode arg, String at) {
        String template;
        Map<String, JsonNode> variables = new HashMap<>();
        if (arg.isTextual()) {
            template = arg.asText();
        } else {
            JsonNode args = listArg(arg, 2, at);
            template = textArg(args.get(0), at + "[0]");
            JsonNode vars = args.get(1);
            if (!vars.isObject()) {
                throw TemplateException.at(at, "second argument must be a map of variables");
            }
            vars.fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));
        }
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (true) {
            int start = template.indexOf("${", pos);
            if (start < 0) {
                out.append(template, pos, template.length());
                return out.toString();
            }
            int end = template.indexOf('}', start);
            if (end < 0) {
                throw TemplateException.at(at, "unclosed ${ in '" + template + "'");
            }
            out.append(template, pos, start);
            String expression = template.substring(start + 2, end);
            if (expression.startsWith("!")) {
                out.append("${").append(expression.substring(1)).append('}');
            } else {
                out.append(subVariable(expression.trim(), variables, at));
            }
            pos = end + 1;
        }
    }

    private String subVariable(String expression, Map<String, JsonNode> variables, String at) {
        if (variables.containsKey(expression)) {
            return resolveString(variables.get(expression), at + "." + expression);
        }
        int dot = expression.indexOf('.');
        if (dot > 0 && !expression.startsWith("AWS::") && root.path("Resources").has(expression.substring(0, dot))) {
            return attribute(expression.substring(0, dot), expression.substring(dot + 1), at);
        }
        JsonNode value = ref(expression, at);
        return scalar(value, at);
    }

    private boolean evaluateCondition(JsonNode node, String at) {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
            return Boolean.parseBoolean(node.asText());
        }
        if (!node.isObject() || node.size() != 1) {
            throw TemplateException.at(at, "expected a condition function, found " + node);
        }
        String fn = node.fieldNames().next();
        JsonNode arg = node.get(fn);
        String where = at + "." + fn;
        switch (fn) {
            case "Condition":
                return condition(textArg(arg, where), where);
            case "Fn::Equals": {
                JsonNode args = listArg(arg, 2, where);
                return scalar(resolve(args.get(0), where + "[0]"), where)
                        .equals(scalar(resolve(args.get(1), where + "[1]"), where));
            }
            case "Fn::Not":
                return !evaluateCondition(listArg(arg, 1, where).get(0), where + "[0]");
            case "Fn::And", "Fn::Or": {
                if (!arg.isArray() || arg.size() < 2) {
                    throw TemplateException.at(where, "expects a list of at least two conditions");
                }
                boolean and = fn.equals("Fn::And");
                for (int i = 0; i < arg.size(); i++) {
                    boolean value = evaluateCondition(arg.get(i), where + "[" + i + "]");
                    if (and != value) {
                        return value;
                    }
                }
                return and;
            }
            default:
                throw TemplateException.at(at, fn + " cannot be used as a condition");
        }
    }

    private static String scalar(JsonNode value, String at) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw TemplateException.at(at, "expected a string, found " + value);
        }
        return value.asText();
    }

    private static String textArg(JsonNode arg, String at) {
        if (arg == null || !arg.isTextual()) {
            throw TemplateException.at(at, "expected a name, found " + arg);
        }
        return arg.asText();
    }

    private static JsonNode listArg(JsonNode arg, int size, String at) {
        if (arg == null || !arg.isArray() || arg.size() != size) {
            throw TemplateException.at(at, "expected a list of " + size + " arguments, found " + arg);
        }
        return arg;
    }
}
