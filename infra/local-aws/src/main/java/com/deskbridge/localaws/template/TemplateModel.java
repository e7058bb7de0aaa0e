package com.deskbridge.localaws.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The typed view of a template for one set of parameter values: functions (Globals merged), their events, tables,
 * queues, rules, schedules, HTTP APIs, event buses and buckets. Names are resolved; function environments stay
 * unresolved until the stack knows its endpoints (see {@link #resolver(Function)}).
 */
public final class TemplateModel {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Logical id SAM gives the implicit HTTP API. */
    public static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    private final SamTemplate template;
    private final String region;
    private final String stackName;
    private final Map<String, TemplateParameter> parameters = new LinkedHashMap<>();
    private final IntrinsicResolver resolver;
    private final Map<String, FunctionSpec> functions = new LinkedHashMap<>();
    private final Map<String, TableSpec> tables = new LinkedHashMap<>();
    private final Map<String, QueueSpec> queues = new LinkedHashMap<>();
    private final Map<String, HttpApiSpec> httpApis = new LinkedHashMap<>();
    private final List<RuleSpec> rules = new ArrayList<>();
    private final List<ScheduleSpec> schedules = new ArrayList<>();
    private final List<ResourceNames> eventBuses = new ArrayList<>();
    private final List<ResourceNames> buckets = new ArrayList<>();
    private final Map<String, UserPoolSpec> userPools = new LinkedHashMap<>();
    private final Map<String, String> notEmulated = new LinkedHashMap<>();

    TemplateModel(SamTemplate template, Map<String, String> overrides, String region, String stackName) {
        this.template = template;
        this.region = region;
        this.stackName = stackName;
        JsonNode root = template.json();
        readParameters(root.path("Parameters"), overrides == null ? Map.of() : overrides);
        this.resolver = new IntrinsicResolver(root, parameters, region, stackName, logicalId -> {
            throw new TemplateException("the URL of queue " + logicalId + " is only known once the stack runs");
        });
        JsonNode resources = root.path("Resources");
        if (!resources.isObject() || resources.isEmpty()) {
            throw new TemplateException(template.origin() + ": template has no Resources");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String id = entry.getKey();
            if (!resolver.resourceActive(id)) {
                continue;
            }
            String type = entry.getValue().path("Type").asText();
            JsonNode props = entry.getValue().path("Properties");
            String at = "Resources." + id + ".Properties";
            switch (type) {
                case "AWS::Serverless::Function" -> functions.put(id, function(id, props, at));
                case "AWS::DynamoDB::Table" -> tables.put(id, table(id, props, at));
                case "AWS::Serverless::SimpleTable" -> tables.put(id, simpleTable(id, props, at));
                case "AWS::SQS::Queue" -> queues.put(id, queue(id, props, at));
                case "AWS::Serverless::HttpApi" -> httpApis.put(id, httpApi(id, props, at));
                case "AWS::Events::Rule" -> rule(id, props, at);
                case "AWS::Events::EventBus" -> eventBuses.add(new ResourceNames(id, resolver.physicalName(id, at)));
                case "AWS::S3::Bucket" -> buckets.add(new ResourceNames(id, resolver.physicalName(id, at)));
                // read below, once every pool is known; played by the runner's OIDC issuer
                case "AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolGroup" -> { }
                default -> notEmulated.put(id, type);
            }
        }
        readUserPools(resources);
        boolean implicitApi = functions.values().stream()
                .flatMap(f -> f.eventsOfType(FunctionEventSpec.HttpApi.class).stream())
                .anyMatch(e -> e.apiLogicalId().equals(IMPLICIT_HTTP_API));
        if (implicitApi && !httpApis.containsKey(IMPLICIT_HTTP_API)) {
            httpApis.put(IMPLICIT_HTTP_API, httpApi(IMPLICIT_HTTP_API, MAPPER.createObjectNode(), "Globals.HttpApi"));
        }
        validateReferences();
    }

    /** @return the template this view was made from */
    public SamTemplate template() {
        return template;
    }

    /** @return region used for ARNs */
    public String region() {
        return region;
    }

    /** @return stack name */
    public String stackName() {
        return stackName;
    }

    /** @return parameters with their effective values, in template order */
    public Map<String, TemplateParameter> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** @return serverless functions by logical id */
    public Map<String, FunctionSpec> functions() {
        return Collections.unmodifiableMap(functions);
    }

    /** @return DynamoDB tables by logical id */
    public Map<String, TableSpec> tables() {
        return Collections.unmodifiableMap(tables);
    }

    /** @return SQS queues by logical id */
    public Map<String, QueueSpec> queues() {
        return Collections.unmodifiableMap(queues);
    }

    /** @return HTTP APIs by logical id (including the implicit one when a route uses it) */
    public Map<String, HttpApiSpec> httpApis() {
        return Collections.unmodifiableMap(httpApis);
    }

    /** @return event-pattern rules (AWS::Events::Rule with EventPattern, function EventBridgeRule events) */
    public List<RuleSpec> rules() {
        return Collections.unmodifiableList(rules);
    }

    /** @return schedules (Schedule, ScheduleV2 events, AWS::Events::Rule with ScheduleExpression) */
    public List<ScheduleSpec> schedules() {
        return Collections.unmodifiableList(schedules);
    }

    /** @return custom event buses ({@code default} always exists and is not listed) */
    public List<ResourceNames> eventBuses() {
        return Collections.unmodifiableList(eventBuses);
    }

    /** @return S3 buckets */
    public List<ResourceNames> buckets() {
        return Collections.unmodifiableList(buckets);
    }

    /** @return Cognito user pools with their clients, groups and trigger, by logical id */
    public Map<String, UserPoolSpec> userPools() {
        return Collections.unmodifiableMap(userPools);
    }

    /** @return resources the local stack does not emulate (logical id to type), e.g. alarms, IAM */
    public Map<String, String> notEmulated() {
        return Collections.unmodifiableMap(notEmulated);
    }

    /**
     * @param queueUrls queue logical id to local URL
     * @return a resolver for values that may reference queue URLs (function environments)
     */
    public IntrinsicResolver resolver(Function<String, String> queueUrls) {
        return new IntrinsicResolver(template.json(), parameters, region, stackName, queueUrls);
    }

    // ------------------------------------------------------------------ parameters

    private void readParameters(JsonNode section, Map<String, String> overrides) {
        for (String name : overrides.keySet()) {
            if (!section.has(name)) {
                throw new TemplateException("parameter override " + name + " does not match any template parameter");
            }
        }
        section.fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode def = e.getValue();
            String type = def.path("Type").asText("String");
            String defaultValue = def.has("Default") ? scalarText(def.get("Default"), "Parameters." + name) : null;
            boolean overridden = overrides.containsKey(name);
            String value = overridden ? overrides.get(name) : defaultValue;
            if (value != null) {
                checkAllowed(name, def, value);
            }
            parameters.put(name, new TemplateParameter(name, type, defaultValue, value, overridden));
        });
    }

    private static String scalarText(JsonNode node, String at) {
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> parts.add(n.asText()));
            return String.join(",", parts);
        }
        if (!node.isValueNode()) {
            throw TemplateException.at(at, "Default must be a scalar");
        }
        return node.asText();
    }

    private static void checkAllowed(String name, JsonNode def, String value) {
        JsonNode allowed = def.get("AllowedValues");
        if (allowed != null && allowed.isArray()) {
            boolean ok = false;
            for (JsonNode a : allowed) {
                ok |= a.asText().equals(value);
            }
            if (!ok) {
                throw TemplateException.at("Parameters." + name, "value '" + value + "' is not one of " + allowed);
            }
        }
        JsonNode pattern = def.get("AllowedPattern");
        if (pattern != null && !value.matches(pattern.asText())) {
            throw TemplateException.at("Parameters." + name,
                    "value '" + value + "' does not match AllowedPattern " + pattern.asText());
        }
    }

    // ------------------------------------------------------------------ functions

    private FunctionSpec function(String id, JsonNode ownProps, String at) {
        JsonNode globals = template.json().path("Globals").path("Function");
        JsonNode props = globals.isObject() ? merge(globals, ownProps) : ownProps;
        if (props.has("PackageType") && "Image".equals(props.get("PackageType").asText())) {
            throw TemplateException.at(at + ".PackageType", "image functions are not supported by the local stack");
        }
        String handler = resolver.resolveString(props.get("Handler"), at + ".Handler");
        String handlerClass = handler;
        String handlerMethod = null;
        int sep = handler.indexOf("::");
        if (sep >= 0) {
            handlerClass = handler.substring(0, sep);
            handlerMethod = handler.substring(sep + 2);
        }
        String runtime = props.has("Runtime") ? resolver.resolveString(props.get("Runtime"), at + ".Runtime") : null;
        if (runtime != null && !runtime.startsWith("java")) {
            throw TemplateException.at(at + ".Runtime", "runtime " + runtime + " cannot run in the local JVM");
        }
        int timeout = resolver.resolveInt(props.get("Timeout"), at + ".Timeout", 3);
        int memory = resolver.resolveInt(props.get("MemorySize"), at + ".MemorySize", 128);
        Map<String, JsonNode> env = new LinkedHashMap<>();
        JsonNode variables = props.path("Environment").path("Variables");
        if (variables.isObject()) {
            variables.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue()));
        } else if (!variables.isMissingNode()) {
            throw TemplateException.at(at + ".Environment.Variables", "must be a map (found " + variables + ")");
        }
        List<FunctionEventSpec> events = new ArrayList<>();
        JsonNode eventsNode = props.path("Events");
        for (Iterator<Map.Entry<String, JsonNode>> it = eventsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            FunctionEventSpec event = event(id, e.getKey(), e.getValue(), at + ".Events." + e.getKey());
            events.add(event);
        }
        FunctionSpec spec = new FunctionSpec(id, resolver.physicalName(id, at), handler, handlerClass, handlerMethod,
                runtime, timeout, memory, Collections.unmodifiableMap(env), List.copyOf(events));
        for (FunctionEventSpec event : events) {
            RuleSpec.Target self = new RuleSpec.Target(id, RuleSpec.TargetKind.FUNCTION, id,
                    event instanceof FunctionEventSpec.Schedule s ? s.input()
                            : event instanceof FunctionEventSpec.EventBridgeRule r ? r.input() : null,
                    event instanceof FunctionEventSpec.EventBridgeRule r ? r.inputPath() : null, null);
            if (event instanceof FunctionEventSpec.Schedule s) {
                schedules.add(new ScheduleSpec(id + "." + s.name(), s.expression(), s.timezone(), s.enabled(), s.v2(),
                        List.of(self)));
            } else if (event instanceof FunctionEventSpec.EventBridgeRule r) {
                rules.add(new RuleSpec(id + "." + r.name(), r.eventBusName(), r.pattern(), null, r.enabled(),
                        List.of(self)));
            }
        }
        return spec;
    }

    private FunctionEventSpec event(String fn, String name, JsonNode event, String at) {
        String type = event.path("Type").asText();
        JsonNode p = event.path("Properties");
        String pa = at + ".Properties";
        switch (type) {
            case "HttpApi": {
                String apiId = IMPLICIT_HTTP_API;
                if (p.has("ApiId")) {
                    JsonNode ref = p.get("ApiId");
                    if (!ref.isObject() || !ref.has("Ref")) {
                        throw TemplateException.at(pa + ".ApiId", "expected !Ref of an AWS::Serverless::HttpApi");
                    }
                    apiId = ref.get("Ref").asText();
                }
                String method = p.has("Method") ? resolver.resolveString(p.get("Method"), pa + ".Method")
                        .toUpperCase(Locale.ROOT) : "ANY";
                String path = p.has("Path") ? resolver.resolveString(p.get("Path"), pa + ".Path") : "$default";
                JsonNode auth = p.path("Auth");
                String authorizer = auth.has("Authorizer")
                        ? resolver.resolveString(auth.get("Authorizer"), pa + ".Auth.Authorizer") : null;
                List<String> scopes = strings(auth.get("AuthorizationScopes"), pa + ".Auth.AuthorizationScopes");
                String payload = p.has("PayloadFormatVersion")
                        ? resolver.resolveString(p.get("PayloadFormatVersion"), pa + ".PayloadFormatVersion") : "2.0";
                if (!payload.equals("2.0")) {
                    throw TemplateException.at(pa + ".PayloadFormatVersion",
                            "only payload format 2.0 is supported by the local stack");
                }
                return new FunctionEventSpec.HttpApi(name, apiId, method, path, authorizer, scopes, payload);
            }
            case "SQS": {
                String queue = getAttArn(p.get("Queue"), pa + ".Queue", "AWS::SQS::Queue");
                List<String> responseTypes = strings(p.get("FunctionResponseTypes"), pa + ".FunctionResponseTypes");
                List<String> filters = new ArrayList<>();
                JsonNode filterList = resolver.resolve(p.path("FilterCriteria").path("Filters"), pa + ".FilterCriteria");
                if (filterList.isArray()) {
                    for (JsonNode f : filterList) {
                        JsonNode pattern = f.get("Pattern");
                        filters.add(pattern.isTextual() ? pattern.asText() : pattern.toString());
                    }
                }
                int batch = resolver.resolveInt(p.get("BatchSize"), pa + ".BatchSize", 10);
                if (batch < 1 || batch > 10000) {
                    throw TemplateException.at(pa + ".BatchSize", "must be between 1 and 10000");
                }
                return new FunctionEventSpec.Sqs(name, queue, batch,
                        resolver.resolveInt(p.get("MaximumBatchingWindowInSeconds"),
                                pa + ".MaximumBatchingWindowInSeconds", 0),
                        responseTypes.contains("ReportBatchItemFailures"),
                        resolver.resolveBoolean(p.get("Enabled"), pa + ".Enabled", true), List.copyOf(filters));
            }
            case "Schedule":
                return new FunctionEventSpec.Schedule(name, resolver.resolveString(p.get("Schedule"), pa + ".Schedule"),
                        null, enabled(p, pa), inputJson(p.get("Input"), pa + ".Input"), false);
            case "ScheduleV2":
                return new FunctionEventSpec.Schedule(name,
                        resolver.resolveString(p.get("ScheduleExpression"), pa + ".ScheduleExpression"),
                        p.has("ScheduleExpressionTimezone") ? resolver.resolveString(p.get("ScheduleExpressionTimezone"),
                                pa + ".ScheduleExpressionTimezone") : null,
                        enabled(p, pa), inputJson(p.get("Input"), pa + ".Input"), true);
            case "EventBridgeRule", "CloudWatchEvent": {
                if (p.has("InputTransformer")) {
                    throw TemplateException.at(pa + ".InputTransformer", "is not supported by the local stack");
                }
                JsonNode pattern = pattern(p.get("Pattern"), pa + ".Pattern");
                return new FunctionEventSpec.EventBridgeRule(name, pattern, busName(p.get("EventBusName"),
                        pa + ".EventBusName"), enabled(p, pa), inputJson(p.get("Input"), pa + ".Input"),
                        p.has("InputPath") ? resolver.resolveString(p.get("InputPath"), pa + ".InputPath") : null);
            }
            default:
                throw TemplateException.at(at + ".Type", "event type '" + type + "' of function " + fn
                        + " is not supported by the local stack (supported: HttpApi, SQS, Schedule, ScheduleV2,"
                        + " EventBridgeRule, CloudWatchEvent)");
        }
    }

    private boolean enabled(JsonNode p, String pa) {
        if (p.has("State")) {
            String state = resolver.resolveString(p.get("State"), pa + ".State");
            return state.equals("ENABLED");
        }
        return resolver.resolveBoolean(p.get("Enabled"), pa + ".Enabled", true);
    }

    private String inputJson(JsonNode node, String at) {
        if (node == null) {
            return null;
        }
        String text = resolver.resolveString(node, at);
        try {
            MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw TemplateException.at(at, "Input must be valid JSON: " + e.getOriginalMessage());
        }
        return text;
    }

    private JsonNode pattern(JsonNode node, String at) {
        if (node == null) {
            throw TemplateException.at(at, "an event pattern is required");
        }
        JsonNode value = resolver.resolve(node, at);
        if (value.isTextual()) {
            try {
                value = MAPPER.readTree(value.asText());
            } catch (JsonProcessingException e) {
                throw TemplateException.at(at, "pattern is not valid JSON: " + e.getOriginalMessage());
            }
        }
        if (!value.isObject()) {
            throw TemplateException.at(at, "pattern must be an object");
        }
        return value;
    }

    private String busName(JsonNode node, String at) {
        if (node == null) {
            return "default";
        }
        String value = resolver.resolveString(node, at);
        int slash = value.lastIndexOf("event-bus/");
        return value.startsWith("arn:") && slash >= 0 ? value.substring(slash + "event-bus/".length()) : value;
    }

    private String getAttArn(JsonNode node, String at, String expectedType) {
        if (node == null || !node.has("Fn::GetAtt")) {
            throw TemplateException.at(at, "expected !GetAtt <LogicalId>.Arn of a " + expectedType
                    + " in this template, found " + node);
        }
        JsonNode args = node.get("Fn::GetAtt");
        String logicalId = args.isArray() ? args.path(0).asText() : args.asText().split("\\.", 2)[0];
        String attribute = args.isArray() ? args.path(1).asText() : args.asText().split("\\.", 2)[1];
        if (!attribute.equals("Arn")) {
            throw TemplateException.at(at, "expected the Arn attribute, found " + attribute);
        }
        String type = resolver.type(logicalId, at);
        if (!type.equals(expectedType)) {
            throw TemplateException.at(at, logicalId + " is a " + type + ", expected a " + expectedType);
        }
        return logicalId;
    }

    private List<String> strings(JsonNode node, String at) {
        if (node == null) {
            return List.of();
        }
        JsonNode value = resolver.resolve(node, at);
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> out.add(v.asText()));
        } else if (value.isValueNode()) {
            out.add(value.asText());
        }
        return List.copyOf(out);
    }

    /** SAM's Globals merge: maps merge key by key, lists concatenate (globals first), scalars are replaced. */
    static JsonNode merge(JsonNode globals, JsonNode own) {
        if (own == null || own.isMissingNode()) {
            return globals.deepCopy();
        }
        if (globals.isObject() && own.isObject() && !isIntrinsic(own) && !isIntrinsic(globals)) {
            ObjectNode out = globals.deepCopy();
            own.fields().forEachRemaining(e -> {
                JsonNode g = out.get(e.getKey());
                out.set(e.getKey(), g == null ? e.getValue().deepCopy() : merge(g, e.getValue()));
            });
            return out;
        }
        if (globals.isArray() && own.isArray()) {
            ArrayNode out = globals.deepCopy();
            own.forEach(n -> out.add(n.deepCopy()));
            return out;
        }
        return own.deepCopy();
    }

    private static boolean isIntrinsic(JsonNode node) {
        if (node.size() != 1) {
            return false;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    // ------------------------------------------------------------------ tables and queues

    private TableSpec table(String id, JsonNode p, String at) {
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode defs = resolver.resolve(p.path("AttributeDefinitions"), at + ".AttributeDefinitions");
        defs.forEach(d -> attributes.put(d.path("AttributeName").asText(), d.path("AttributeType").asText()));
        List<TableSpec.KeyElement> key = keys(resolver.resolve(p.path("KeySchema"), at + ".KeySchema"),
                at + ".KeySchema", attributes);
        List<TableSpec.IndexSpec> gsis = indexes(p.path("GlobalSecondaryIndexes"), at + ".GlobalSecondaryIndexes",
                attributes);
        List<TableSpec.IndexSpec> lsis = indexes(p.path("LocalSecondaryIndexes"), at + ".LocalSecondaryIndexes",
                attributes);
        JsonNode ttl = resolver.resolve(p.path("TimeToLiveSpecification"), at + ".TimeToLiveSpecification");
        String ttlAttribute = ttl.path("Enabled").asBoolean(ttl.path("Enabled").asText().equals("true"))
                ? ttl.path("AttributeName").asText(null) : null;
        JsonNode stream = resolver.resolve(p.path("StreamSpecification"), at + ".StreamSpecification");
        return new TableSpec(id, resolver.physicalName(id, at), Collections.unmodifiableMap(attributes), key, gsis,
                lsis, ttlAttribute, stream.path("StreamViewType").asText(null));
    }

    private TableSpec simpleTable(String id, JsonNode p, String at) {
        JsonNode pk = resolver.resolve(p.path("PrimaryKey"), at + ".PrimaryKey");
        String name = pk.path("Name").asText("id");
        String type = switch (pk.path("Type").asText("String")) {
            case "String" -> "S";
            case "Number" -> "N";
            case "Binary" -> "B";
            default -> throw TemplateException.at(at + ".PrimaryKey.Type", "must be String, Number or Binary");
        };
        return new TableSpec(id, resolver.physicalName(id, at), Map.of(name, type),
                List.of(new TableSpec.KeyElement(name, "HASH")), List.of(), List.of(), null, null);
    }

    private static List<TableSpec.KeyElement> keys(JsonNode schema, String at, Map<String, String> attributes) {
        if (!schema.isArray() || schema.isEmpty()) {
            throw TemplateException.at(at, "KeySchema is required");
        }
        List<TableSpec.KeyElement> out = new ArrayList<>();
        for (JsonNode k : schema) {
            String name = k.path("AttributeName").asText();
            if (!attributes.containsKey(name)) {
                throw TemplateException.at(at, "key attribute " + name + " is missing from AttributeDefinitions");
            }
            out.add(new TableSpec.KeyElement(name, k.path("KeyType").asText()));
        }
        return List.copyOf(out);
    }

    private List<TableSpec.IndexSpec> indexes(JsonNode node, String at, Map<String, String> attributes) {
        JsonNode list = resolver.resolve(node, at);
        List<TableSpec.IndexSpec> out = new ArrayList<>();
        if (list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode idx = list.get(i);
                String where = at + "[" + i + "]";
                List<String> nonKey = new ArrayList<>();
                idx.path("Projection").path("NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
                out.add(new TableSpec.IndexSpec(idx.path("IndexName").asText(),
                        keys(idx.path("KeySchema"), where + ".KeySchema", attributes),
                        idx.path("Projection").path("ProjectionType").asText("ALL"), List.copyOf(nonKey)));
            }
        }
        return List.copyOf(out);
    }

    private QueueSpec queue(String id, JsonNode p, String at) {
        String dlq = null;
        int maxReceive = 0;
        JsonNode redrive = p.get("RedrivePolicy");
        if (redrive != null) {
            if (redrive.isTextual()) {
                throw TemplateException.at(at + ".RedrivePolicy",
                        "give the RedrivePolicy as a map with deadLetterTargetArn: !GetAtt Queue.Arn");
            }
            dlq = getAttArn(redrive.get("deadLetterTargetArn"), at + ".RedrivePolicy.deadLetterTargetArn",
                    "AWS::SQS::Queue");
            maxReceive = resolver.resolveInt(redrive.get("maxReceiveCount"), at + ".RedrivePolicy.maxReceiveCount", 0);
            if (maxReceive < 1) {
                throw TemplateException.at(at + ".RedrivePolicy.maxReceiveCount", "must be at least 1");
            }
        }
        Integer retention = p.has("MessageRetentionPeriod")
                ? resolver.resolveInt(p.get("MessageRetentionPeriod"), at + ".MessageRetentionPeriod", 0) : null;
        Integer delay = p.has("DelaySeconds") ? resolver.resolveInt(p.get("DelaySeconds"), at + ".DelaySeconds", 0)
                : null;
        return new QueueSpec(id, resolver.physicalName(id, at),
                resolver.resolveBoolean(p.get("FifoQueue"), at + ".FifoQueue", false),
                resolver.resolveBoolean(p.get("ContentBasedDeduplication"), at + ".ContentBasedDeduplication", false),
                resolver.resolveInt(p.get("VisibilityTimeout"), at + ".VisibilityTimeout", 30), retention, delay,
                dlq, maxReceive);
    }

    // ------------------------------------------------------------------ HTTP API

    private HttpApiSpec httpApi(String id, JsonNode ownProps, String at) {
        JsonNode globals = template.json().path("Globals").path("HttpApi");
        JsonNode p = globals.isObject() ? merge(globals, ownProps) : ownProps;
        Map<String, HttpApiSpec.AuthorizerSpec> authorizers = new LinkedHashMap<>();
        JsonNode auth = p.path("Auth");
        for (Iterator<Map.Entry<String, JsonNode>> it = auth.path("Authorizers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = at + ".Auth.Authorizers." + e.getKey();
            JsonNode a = e.getValue();
            String identity = a.has("IdentitySource")
                    ? resolver.resolveString(a.get("IdentitySource"), where + ".IdentitySource") : null;
            if (a.has("JwtConfiguration")) {
                JsonNode jwt = a.get("JwtConfiguration");
                authorizers.put(e.getKey(), new HttpApiSpec.AuthorizerSpec(e.getKey(), "JWT",
                        jwt.has("issuer") ? resolver.resolveString(jwt.get("issuer"), where + ".JwtConfiguration.issuer")
                                : null,
                        strings(jwt.get("audience"), where + ".JwtConfiguration.audience"), identity, null));
            } else if (a.has("FunctionArn")) {
                authorizers.put(e.getKey(), new HttpApiSpec.AuthorizerSpec(e.getKey(), "LAMBDA", null, List.of(),
                        identity, getAttArn(a.get("FunctionArn"), where + ".FunctionArn", "AWS::Serverless::Function")));
            } else {
                throw TemplateException.at(where, "authorizer needs JwtConfiguration or FunctionArn");
            }
        }
        String defaultAuthorizer = auth.has("DefaultAuthorizer")
                ? resolver.resolveString(auth.get("DefaultAuthorizer"), at + ".Auth.DefaultAuthorizer") : null;
        if (defaultAuthorizer != null && !authorizers.containsKey(defaultAuthorizer)) {
            throw TemplateException.at(at + ".Auth.DefaultAuthorizer", "authorizer " + defaultAuthorizer
                    + " is not defined in Auth.Authorizers");
        }
        HttpApiSpec.CorsSpec cors = null;
        JsonNode corsNode = p.get("CorsConfiguration");
        if (corsNode != null) {
            JsonNode c = resolver.resolve(corsNode, at + ".CorsConfiguration");
            if (c.isBoolean() || c.isTextual()) {
                cors = c.asBoolean() || c.asText().equals("true")
                        ? new HttpApiSpec.CorsSpec(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false)
                        : null;
            } else {
                cors = new HttpApiSpec.CorsSpec(strings(c.get("AllowOrigins"), at), strings(c.get("AllowHeaders"), at),
                        strings(c.get("AllowMethods"), at), strings(c.get("ExposeHeaders"), at),
                        c.has("MaxAge") ? c.get("MaxAge").asInt() : null, c.path("AllowCredentials").asBoolean(false));
            }
        }
        return new HttpApiSpec(id, Collections.unmodifiableMap(authorizers), defaultAuthorizer, cors);
    }

    // ------------------------------------------------------------------ Cognito

    private void readUserPools(JsonNode resources) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Map<String, List<UserPoolSpec.ClientSpec>> clients = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String id = entry.getKey();
            String type = entry.getValue().path("Type").asText();
            if (!resolver.resourceActive(id) || !type.startsWith("AWS::Cognito::UserPool") || type.endsWith("UserPool")) {
                continue;
            }
            JsonNode p = entry.getValue().path("Properties");
            String at = "Resources." + id + ".Properties";
            if (type.equals("AWS::Cognito::UserPoolGroup")) {
                groups.computeIfAbsent(poolRef(p.get("UserPoolId"), at + ".UserPoolId"), k -> new ArrayList<>())
                        .add(resolver.physicalName(id, at));
            } else if (type.equals("AWS::Cognito::UserPoolClient")) {
                clients.computeIfAbsent(poolRef(p.get("UserPoolId"), at + ".UserPoolId"), k -> new ArrayList<>())
                        .add(client(id, p, at));
            } else {
                notEmulated.put(id, type);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String id = entry.getKey();
            if (!entry.getValue().path("Type").asText().equals("AWS::Cognito::UserPool") || !resolver.resourceActive(id)) {
                continue;
            }
            String at = "Resources." + id + ".Properties.LambdaConfig";
            JsonNode lambda = entry.getValue().path("Properties").path("LambdaConfig");
            String trigger = null;
            String version = null;
            if (lambda.has("PreTokenGenerationConfig")) {
                JsonNode config = lambda.get("PreTokenGenerationConfig");
                trigger = functionRef(config.get("LambdaArn"), at + ".PreTokenGenerationConfig.LambdaArn");
                version = config.has("LambdaVersion")
                        ? resolver.resolveString(config.get("LambdaVersion"), at + ".PreTokenGenerationConfig.LambdaVersion")
                        : "V1_0";
            } else if (lambda.has("PreTokenGeneration")) {
                trigger = functionRef(lambda.get("PreTokenGeneration"), at + ".PreTokenGeneration");
                version = "V1_0";
            }
            String at2 = "Resources." + id;
            userPools.put(id, new UserPoolSpec(id, resolver.physicalName(id, at2),
                    resolver.resolveString(MAPPER.createObjectNode().set("Fn::GetAtt",
                            MAPPER.createArrayNode().add(id).add("ProviderURL")), at2),
                    List.copyOf(groups.getOrDefault(id, List.of())), List.copyOf(clients.getOrDefault(id, List.of())),
                    trigger, version));
        }
    }

    private UserPoolSpec.ClientSpec client(String id, JsonNode p, String at) {
        JsonNode units = resolver.resolve(p.path("TokenValidityUnits"), at + ".TokenValidityUnits");
        int validity = resolver.resolveInt(p.get("AccessTokenValidity"), at + ".AccessTokenValidity", 60);
        String unit = units.path("AccessToken").asText(p.has("AccessTokenValidity") ? "hours" : "minutes");
        int minutes = switch (unit) {
            case "seconds" -> Math.max(1, validity / 60);
            case "minutes" -> validity;
            case "hours" -> validity * 60;
            case "days" -> validity * 24 * 60;
            default -> throw TemplateException.at(at + ".TokenValidityUnits.AccessToken", "unknown unit " + unit);
        };
        return new UserPoolSpec.ClientSpec(id, resolver.physicalName(id, at),
                !resolver.resolveBoolean(p.get("GenerateSecret"), at + ".GenerateSecret", false),
                strings(p.get("AllowedOAuthFlows"), at + ".AllowedOAuthFlows"),
                strings(p.get("AllowedOAuthScopes"), at + ".AllowedOAuthScopes"),
                strings(p.get("CallbackURLs"), at + ".CallbackURLs"),
                strings(p.get("LogoutURLs"), at + ".LogoutURLs"), minutes);
    }

    /** The user pool a client or group belongs to: {@code !Ref Pool} of this template. */
    private String poolRef(JsonNode node, String at) {
        if (node == null || !node.has("Ref") || !resolver.type(node.get("Ref").asText(), at).equals("AWS::Cognito::UserPool")) {
            throw TemplateException.at(at, "expected !Ref of an AWS::Cognito::UserPool of this template, found " + node);
        }
        return node.get("Ref").asText();
    }

    /** A trigger's function: {@code !Ref Fn.Alias}, {@code !GetAtt Fn.Arn} or {@code !Ref Fn} of a template function. */
    private String functionRef(JsonNode node, String at) {
        String target = null;
        if (node != null && node.has("Ref")) {
            target = node.get("Ref").asText().replaceFirst("\\.(Alias|Version)$", "");
        } else if (node != null && node.has("Fn::GetAtt")) {
            JsonNode args = node.get("Fn::GetAtt");
            target = args.isArray() ? args.path(0).asText() : args.asText().split("\\.", 2)[0];
        }
        if (target == null || !functions.containsKey(target)) {
            throw TemplateException.at(at, "expected a function of this template (!Ref Fn.Alias or !GetAtt Fn.Arn), found "
                    + node);
        }
        return target;
    }

    // ------------------------------------------------------------------ rules

    private void rule(String id, JsonNode p, String at) {
        boolean enabled = !p.has("State") || resolver.resolveString(p.get("State"), at + ".State").equals("ENABLED");
        String bus = busName(p.get("EventBusName"), at + ".EventBusName");
        List<RuleSpec.Target> targets = new ArrayList<>();
        JsonNode list = p.path("Targets");
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            String where = at + ".Targets[" + i + "]";
            if (t.has("InputTransformer")) {
                throw TemplateException.at(where + ".InputTransformer", "is not supported by the local stack");
            }
            JsonNode arn = t.get("Arn");
            if (arn == null || !arn.has("Fn::GetAtt")) {
                throw TemplateException.at(where + ".Arn",
                        "target must be !GetAtt <Function or Queue>.Arn of this template, found " + arn);
            }
            JsonNode args = arn.get("Fn::GetAtt");
            String target = args.isArray() ? args.path(0).asText() : args.asText().split("\\.", 2)[0];
            String type = resolver.type(target, where + ".Arn");
            RuleSpec.TargetKind kind = switch (type) {
                case "AWS::Serverless::Function" -> RuleSpec.TargetKind.FUNCTION;
                case "AWS::SQS::Queue" -> RuleSpec.TargetKind.QUEUE;
                default -> throw TemplateException.at(where + ".Arn", "target type " + type
                        + " is not supported by the local stack (functions and queues are)");
            };
            getAttArn(arn, where + ".Arn", type);
            targets.add(new RuleSpec.Target(t.has("Id") ? resolver.resolveString(t.get("Id"), where + ".Id") : target,
                    kind, target, inputJson(t.get("Input"), where + ".Input"),
                    t.has("InputPath") ? resolver.resolveString(t.get("InputPath"), where + ".InputPath") : null,
                    t.path("SqsParameters").has("MessageGroupId") ? resolver.resolveString(
                            t.path("SqsParameters").get("MessageGroupId"), where + ".SqsParameters.MessageGroupId")
                            : null));
        }
        if (p.has("ScheduleExpression")) {
            schedules.add(new ScheduleSpec(id, resolver.resolveString(p.get("ScheduleExpression"),
                    at + ".ScheduleExpression"), null, enabled, false, List.copyOf(targets)));
        }
        if (p.has("EventPattern")) {
            rules.add(new RuleSpec(id, bus, pattern(p.get("EventPattern"), at + ".EventPattern"), null, enabled,
                    List.copyOf(targets)));
        }
        if (!p.has("ScheduleExpression") && !p.has("EventPattern")) {
            throw TemplateException.at(at, "rule needs an EventPattern or a ScheduleExpression");
        }
    }

    private void validateReferences() {
        for (FunctionSpec f : functions.values()) {
            for (FunctionEventSpec.HttpApi e : f.eventsOfType(FunctionEventSpec.HttpApi.class)) {
                HttpApiSpec api = httpApis.get(e.apiLogicalId());
                String at = "Resources." + f.logicalId() + ".Properties.Events." + e.name();
                if (api == null) {
                    throw TemplateException.at(at + ".Properties.ApiId", e.apiLogicalId()
                            + " is not an AWS::Serverless::HttpApi of this template");
                }
                if (e.authorizer() != null && !e.authorizer().equals("NONE")
                        && !api.authorizers().containsKey(e.authorizer())) {
                    throw TemplateException.at(at + ".Properties.Auth.Authorizer", "authorizer " + e.authorizer()
                            + " is not defined on " + e.apiLogicalId());
                }
            }
        }
        List<String> buses = new ArrayList<>(List.of("default"));
        eventBuses.forEach(b -> buses.add(b.name()));
        for (RuleSpec r : rules) {
            if (!buses.contains(r.eventBusName())) {
                throw new TemplateException("rule " + r.id() + ": event bus " + r.eventBusName()
                        + " is not defined in this template (buses: " + buses + ")");
            }
        }
    }
}
