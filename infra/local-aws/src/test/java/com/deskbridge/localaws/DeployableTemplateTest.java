package com.deskbridge.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml as CloudFormation will see it: transformed by AWS's SAM translator (the library behind
 * {@code sam deploy} and the AWS::Serverless transform) and checked by cfn-lint with its informational rules, where
 * python3 has both ({@code pip install aws-sam-translator cfn-lint}); elsewhere skipped with that message. Then the
 * resources operations rely on must be in the transformed template: sign-in, alarms, dashboard, SnapStart, retained
 * queues, the SES receipt rule.
 */
class DeployableTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = ProjectRoot.find();
    private static JsonNode transformed;

    @BeforeAll
    static void transform() throws Exception {
        Assumptions.assumeTrue(pythonHas("samtranslator") && pythonHas("cfnlint"),
                "python3 with aws-sam-translator and cfn-lint not found: pip install aws-sam-translator cfn-lint");
        Path out = Files.createDirectories(ROOT.resolve("infra/local-aws/target/sam")).resolve("template.json");
        Result run = run(List.of("python3", ROOT.resolve("infra/local-aws/src/test/python/sam_transform.py").toString(),
                ROOT.resolve("template.yaml").toString(), out.toString()));
        assertThat(run.exit()).as("SAM translator:\n" + run.output()).isZero();
        transformed = JSON.readTree(out.toFile());
    }

    @Test
    void samTranslatorAcceptsTheOtherSignInAndMailSettings() throws Exception {
        Path out = ROOT.resolve("infra/local-aws/target/sam/template-own-issuer.json");
        Result run = run(List.of("python3", ROOT.resolve("infra/local-aws/src/test/python/sam_transform.py").toString(),
                ROOT.resolve("template.yaml").toString(), out.toString(), "SignIn=OwnIssuer", "MailDomain=mail.example.com"));
        assertThat(run.exit()).as("SAM translator:\n" + run.output()).isZero();
    }

    @Test
    void cfnLintFindsNothingNotEvenInformational() throws Exception {
        // --include-checks I: also the informational rules, e.g. I3011 (stateful resources without DeletionPolicy)
        // and I2530 (Java functions without SnapStart). Any finding is a failure; none is suppressed.
        Result lint = run(List.of("python3", "-c", "import sys; from cfnlint.runner import main; sys.argv[0] = 'cfn-lint'; sys.exit(main())",
                "--format", "parseable", "--include-checks", "I", "--", ROOT.resolve("template.yaml").toString()));
        assertThat(lint.output()).as("cfn-lint findings").isBlank();
        assertThat(lint.exit()).as("cfn-lint exit status").isZero();
    }

    @Test
    void cognitoSignInWithGroupsSellerAttributeConsoleClientAndTrigger() {
        JsonNode pool = resource("UserPool", "AWS::Cognito::UserPool");
        assertThat(pool.path("Condition").asText()).isEqualTo("UseCognito");
        assertThat(pool.path("DeletionPolicy").asText()).isEqualTo("Retain");
        JsonNode p = pool.path("Properties");
        assertThat(p.path("UserPoolTier").asText()).as("V2 trigger events need Essentials or Plus").isEqualTo("ESSENTIALS");
        assertThat(p.path("AdminCreateUserConfig").path("AllowAdminCreateUserOnly").asBoolean()).isTrue();
        JsonNode seller = find(p.path("Schema"), "Name", "seller_id");
        assertThat(seller.path("AttributeDataType").asText()).isEqualTo("String");
        JsonNode trigger = p.path("LambdaConfig").path("PreTokenGenerationConfig");
        assertThat(trigger.path("LambdaVersion").asText()).isEqualTo("V2_0");
        assertThat(trigger.path("LambdaArn").path("Ref").asText()).isEqualTo("PreTokenGenerationFunctionAliaslive");

        Set<String> groups = new HashSet<>();
        ofType("AWS::Cognito::UserPoolGroup").forEach(g -> {
            assertThat(g.path("Properties").path("UserPoolId").path("Ref").asText()).isEqualTo("UserPool");
            groups.add(g.path("Properties").path("GroupName").asText());
        });
        assertThat(groups).containsExactlyInAnyOrder("agent", "lead", "operator");

        JsonNode client = resource("HelpdeskConsoleClient", "AWS::Cognito::UserPoolClient").path("Properties");
        assertThat(client.path("GenerateSecret").asBoolean(true)).isFalse();
        assertThat(client.path("AllowedOAuthFlows")).extracting(JsonNode::asText).containsExactly("code");
        assertThat(client.path("CallbackURLs").get(0).path("Fn::Sub").asText()).isEqualTo("${HelpdeskOrigin}/");
        assertThat(client.path("ReadAttributes")).extracting(JsonNode::asText).contains("custom:seller_id");
        assertThat(client.path("WriteAttributes")).extracting(JsonNode::asText)
                .as("only administrators set the seller").doesNotContain("custom:seller_id");

        JsonNode permission = resource("PreTokenGenerationPermission", "AWS::Lambda::Permission").path("Properties");
        assertThat(permission.path("Principal").asText()).isEqualTo("cognito-idp.amazonaws.com");
        assertThat(permission.path("SourceArn").path("Fn::GetAtt").get(0).asText()).isEqualTo("UserPool");
    }

    @Test
    void theApiTrustsThePoolOrTheOwnIssuerByCondition() {
        JsonNode jwt = resource("HttpApi", "AWS::ApiGatewayV2::Api").path("Properties").path("Body").path("components")
                .path("securitySchemes").path("HelpdeskJwt").path("x-amazon-apigateway-authorizer").path("jwtConfiguration");
        JsonNode issuer = jwt.path("issuer").path("Fn::If");
        assertThat(issuer.get(0).asText()).isEqualTo("UseCognito");
        assertThat(issuer.get(1).path("Fn::GetAtt")).extracting(JsonNode::asText).containsExactly("UserPool", "ProviderURL");
        assertThat(issuer.get(2).path("Ref").asText()).isEqualTo("JwtIssuer");
        JsonNode audience = jwt.path("audience").get(0).path("Fn::If");
        assertThat(audience.get(1).path("Ref").asText()).isEqualTo("HelpdeskConsoleClient");
        assertThat(audience.get(2).path("Ref").asText()).isEqualTo("JwtAudience");
    }

    @Test
    void everyDeadLetterQueueAndEveryFunctionHasItsAlarms() {
        List<JsonNode> alarms = ofType("AWS::CloudWatch::Alarm");
        for (String dlq : deadLetterQueues()) {
            assertThat(alarms).as("an alarm on " + dlq).anySatisfy(a -> {
                JsonNode p = a.path("Properties");
                assertThat(p.path("Namespace").asText()).isEqualTo("AWS/SQS");
                assertThat(p.path("MetricName").asText()).isEqualTo("ApproximateNumberOfMessagesVisible");
                assertThat(p.path("Dimensions").get(0).path("Value").path("Fn::GetAtt").get(0).asText()).isEqualTo(dlq);
                assertThat(p.path("Threshold").asInt(-1)).isZero();
                assertThat(p.path("AlarmActions").get(0).path("Ref").asText()).isEqualTo("AlarmTopic");
            });
        }
        Map<String, JsonNode> functions = resourcesOfType("AWS::Lambda::Function");
        assertThat(functions).hasSize(15); // 14 + EbayMessagePollFunction
        functions.forEach((id, function) -> {
            for (String metric : List.of("Errors", "Throttles")) {
                assertThat(alarms).as(metric + " alarm of " + id).anySatisfy(a -> {
                    JsonNode p = a.path("Properties");
                    assertThat(p.path("Namespace").asText()).isEqualTo("AWS/Lambda");
                    assertThat(p.path("MetricName").asText()).isEqualTo(metric);
                    assertThat(p.path("Dimensions").get(0).path("Value").path("Ref").asText()).isEqualTo(id);
                    assertThat(p.path("AlarmActions").get(0).path("Ref").asText()).isEqualTo("AlarmTopic");
                    assertThat(a.path("Condition").asText()).isEqualTo(function.path("Condition").asText());
                });
            }
        });
    }

    @Test
    void theDashboardShowsIntakeDeadLettersSlaFeedsAndQuotas() {
        String body = resource("OperationsDashboard", "AWS::CloudWatch::Dashboard").path("Properties")
                .path("DashboardBody").path("Fn::Sub").asText();
        assertThat(body).contains("${IntakeQueue.QueueName}", "NumberOfMessagesSent", "\"SlaEvents\"", "SlaBreached",
                "\"FeedActions\"", "ATTENTION_REQUIRED", "QuotaTaken", "QuotaDenied", "Deskbridge/${Stage}");
        deadLetterQueues().forEach(dlq -> assertThat(body).contains("${" + dlq + ".QueueName}"));
    }

    @Test
    void snapStartOnEveryFunctionAndEveryTriggerInvokesTheAlias() {
        Map<String, JsonNode> functions = resourcesOfType("AWS::Lambda::Function");
        functions.forEach((id, f) -> assertThat(f.path("Properties").path("SnapStart").path("ApplyOn").asText())
                .as("SnapStart of " + id).isEqualTo("PublishedVersions"));
        List<JsonNode> mappings = ofType("AWS::Lambda::EventSourceMapping");
        assertThat(mappings).hasSize(6).allSatisfy(m ->
                assertThat(m.path("Properties").path("FunctionName").path("Ref").asText()).endsWith("Aliaslive"));
        ofType("AWS::Events::Rule").stream().filter(r -> r.path("Properties").has("ScheduleExpression"))
                .forEach(r -> assertThat(r.path("Properties").path("Targets").get(0).path("Arn").path("Ref").asText())
                        .endsWith("Aliaslive"));
        assertThat(resource("ApiFunctionGetTicketPermission", "AWS::Lambda::Permission").path("Properties")
                .path("FunctionName").path("Ref").asText()).isEqualTo("ApiFunctionAliaslive");
    }

    @Test
    void everyQueueIsKeptWhenTheStackGoesOrReplacesIt() {
        Map<String, JsonNode> queues = resourcesOfType("AWS::SQS::Queue");
        assertThat(queues).hasSizeGreaterThanOrEqualTo(11);
        queues.forEach((id, q) -> {
            assertThat(q.path("DeletionPolicy").asText()).as(id).isEqualTo("Retain");
            assertThat(q.path("UpdateReplacePolicy").asText()).as(id).isEqualTo("Retain");
        });
    }

    @Test
    void sesStoresSellerMailUnderInboundAndAnnouncesItToTheIntake() {
        JsonNode rule = resource("InboundMailRule", "AWS::SES::ReceiptRule");
        assertThat(rule.path("Condition").asText()).isEqualTo("ReceiveMail");
        JsonNode r = rule.path("Properties").path("Rule");
        assertThat(r.path("ScanEnabled").asBoolean()).as("spam and virus verdicts").isTrue();
        assertThat(r.path("Recipients").get(0).path("Ref").asText()).isEqualTo("MailDomain");
        JsonNode s3 = r.path("Actions").get(0).path("S3Action");
        assertThat(s3.path("BucketName").path("Ref").asText()).isEqualTo("RawMailBucket");
        assertThat(s3.path("ObjectKeyPrefix").asText()).isEqualTo("inbound/");
        assertThat(s3.path("TopicArn").path("Ref").asText()).isEqualTo("InboundMailTopic");
        JsonNode subscription = resource("InboundMailSubscription", "AWS::SNS::Subscription").path("Properties");
        assertThat(subscription.path("Endpoint").path("Fn::GetAtt").get(0).asText()).isEqualTo("IntakeQueue");
        assertThat(subscription.path("RawMessageDelivery").asBoolean()).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> deadLetterQueues() {
        List<String> dlqs = new ArrayList<>();
        resourcesOfType("AWS::SQS::Queue").values().forEach(q -> {
            JsonNode target = q.path("Properties").path("RedrivePolicy").path("deadLetterTargetArn").path("Fn::GetAtt");
            if (target.isArray() && !dlqs.contains(target.get(0).asText())) {
                dlqs.add(target.get(0).asText()); // the intake and its overflow queue share one
            }
        });
        assertThat(dlqs).hasSize(5);
        return dlqs;
    }

    /**
     * The Amazon and eBay authorization workflows: the state-signing key is a secret the stack generates (never a value
     * in the template), their callbacks and Shopify's webhooks (their HMAC) are the only routes without the JWT
     * authorizer, and the API may write secrets under the
     * seller-secret prefix only.
     */
    @Test
    void onboardingSignsWithAGeneratedKeyOpensOnlyTheCallbackAndWritesOnlySellerSecrets() {
        JsonNode key = resource("OnboardingStateKey", "AWS::SecretsManager::Secret").path("Properties");
        assertThat(key.path("GenerateSecretString").path("GenerateStringKey").asText()).isEqualTo("key");
        assertThat(key.has("SecretString")).isFalse();
        JsonNode paths = resource("HttpApi", "AWS::ApiGatewayV2::Api").path("Properties").path("Body").path("paths");
        List<String> open = new ArrayList<>();
        paths.properties().forEach(p -> p.getValue().properties().forEach(op -> {
            if (op.getValue().path("security").toString().contains("NONE")) {
                open.add(op.getKey() + " " + p.getKey());
            }
        }));
        assertThat(open).containsExactlyInAnyOrder("get /onboarding/amazon/callback", "get /onboarding/ebay/callback",
                "post /webhooks/shopify/{sellerId}");
        assertThat(paths.path("/sellers/{id}/amazon/authorize").path("get").path("security").toString()).contains("HelpdeskJwt");
        assertThat(paths.path("/sellers/{id}/ebay/authorize").path("get").path("security").toString()).contains("HelpdeskJwt");
        List<String> writes = new ArrayList<>();
        resource("ApiFunctionRole", "AWS::IAM::Role").path("Properties").path("Policies").forEach(policy ->
                policy.path("PolicyDocument").path("Statement").forEach(st -> {
                    if (st.path("Action").toString().contains("secretsmanager:PutSecretValue")
                            || st.path("Action").toString().contains("secretsmanager:CreateSecret")) {
                        writes.add(st.path("Resource").toString());
                    }
                }));
        // the sellers' SP-API and eBay secrets (onboarding), their shops' (Shopify rotates the refresh token at each
        // exchange) and their own carrier accounts (PUT /sellers/{id}/carriers/{carrier}), each under its prefix only
        assertThat(writes).hasSize(4).anySatisfy(w -> assertThat(w).contains("secret:${SpApiSecretPrefix}*"))
                .anySatisfy(w -> assertThat(w).contains("secret:${EbaySecretPrefix}*"))
                .anySatisfy(w -> assertThat(w).contains("secret:${ShopifySecretPrefix}*"))
                .anySatisfy(w -> assertThat(w).contains("secret:${CarrierSellerSecretPrefix}*"));
        assertThat(paths.path("/sellers/{id}/carriers/{carrier}").path("put").path("security").toString()).contains("HelpdeskJwt");
        assertThat(paths.path("/sellers/{id}/carriers/{carrier}").path("delete").path("security").toString()).contains("HelpdeskJwt");
        List<String> deletes = new ArrayList<>();
        resource("ApiFunctionRole", "AWS::IAM::Role").path("Properties").path("Policies").forEach(policy ->
                policy.path("PolicyDocument").path("Statement").forEach(st -> {
                    if (st.path("Action").toString().contains("secretsmanager:DeleteSecret")) {
                        deletes.add(st.path("Resource").toString());
                    }
                }));
        assertThat(deletes).as("the API deletes sellers' own carrier secrets only").singleElement()
                .satisfies(d -> assertThat(d).contains("secret:${CarrierSellerSecretPrefix}*"));
    }

    private static JsonNode resource(String id, String type) {
        JsonNode resource = transformed.path("Resources").path(id);
        assertThat(resource.path("Type").asText()).as(id).isEqualTo(type);
        return resource;
    }

    private static Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> out = new java.util.TreeMap<>();
        transformed.path("Resources").properties().forEach(e -> {
            if (e.getValue().path("Type").asText().equals(type)) {
                out.put(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static List<JsonNode> ofType(String type) {
        return new ArrayList<>(resourcesOfType(type).values());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static boolean pythonHas(String module) {
        try {
            return run(List.of("python3", "-c", "import " + module)).exit() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
