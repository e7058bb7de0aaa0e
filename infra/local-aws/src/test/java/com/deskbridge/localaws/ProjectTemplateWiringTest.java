package com.deskbridge.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.localaws.api.HttpRoute;
import com.deskbridge.localaws.template.FunctionEventSpec;
import com.deskbridge.localaws.template.FunctionSpec;
import com.deskbridge.localaws.template.HttpApiSpec;
import com.deskbridge.localaws.template.QueueSpec;
import com.deskbridge.localaws.template.SamTemplate;
import com.deskbridge.localaws.template.RuleSpec;
import com.deskbridge.localaws.template.ScheduleSpec;
import com.deskbridge.localaws.template.TableSpec;
import com.deskbridge.localaws.template.TemplateModel;
import com.deskbridge.localaws.template.UserPoolSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The project's real template.yaml: the wiring the local stack finds in it, and that it starts. */
class ProjectTemplateWiringTest {

    private static SamTemplate template() {
        return SamTemplate.load(ProjectRoot.find().resolve("template.yaml"));
    }

    @Test
    void modelOfTheRealTemplate() {
        TemplateModel model = template().model(Map.of(), "eu-west-1", "deskbridge");
        assertThat(model.functions()).containsKeys("IntakeFunction", "ApiFunction");

        FunctionSpec intake = model.functions().get("IntakeFunction");
        assertThat(intake.handlerClass()).startsWith("com.deskbridge.").endsWith(".IntakeHandler");
        assertThat(intake.handlerMethod()).isEqualTo("handleRequest");
        assertThat(intake.runtime()).isEqualTo("java21");
        assertThat(intake.timeoutSeconds()).isEqualTo(30);
        assertThat(intake.environment()).containsKeys("TICKETS_TABLE", "PERSONAL_DATA_RETENTION_DAYS",
                "INTAKE_DLQ_URL", "RAW_MAIL_BUCKET");
        FunctionEventSpec.Sqs source = intake.eventsOfType(FunctionEventSpec.Sqs.class).get(0);
        assertThat(source.queueLogicalId()).isEqualTo("IntakeQueue");
        assertThat(source.batchSize()).isEqualTo(10);
        assertThat(source.maximumBatchingWindowInSeconds()).isEqualTo(1);
        assertThat(source.reportBatchItemFailures()).isTrue();

        QueueSpec queue = model.queues().get("IntakeQueue");
        assertThat(queue.deadLetterQueueLogicalId()).isEqualTo("IntakeDeadLetterQueue");
        assertThat(queue.maxReceiveCount()).isEqualTo(5);
        assertThat(queue.visibilityTimeoutSeconds()).isEqualTo(180);

        assertThat(model.functions().get("ApiFunction").eventsOfType(FunctionEventSpec.HttpApi.class))
                .extracting(e -> e.method() + " " + e.path() + " " + e.apiLogicalId())
                .contains("GET /tickets/{id} HttpApi", "GET /tickets HttpApi");
        HttpApiSpec api = model.httpApis().get("HttpApi");
        assertThat(api.defaultAuthorizer()).isEqualTo("HelpdeskJwt");
        HttpApiSpec.AuthorizerSpec jwt = api.authorizers().get("HelpdeskJwt");
        assertThat(jwt.type()).isEqualTo("JWT");
        // SignIn=Cognito (the default): the template's user pool and its console client
        assertThat(jwt.issuer()).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_UserPool");
        assertThat(jwt.audiences()).containsExactly("helpdeskconsoleclient");
        UserPoolSpec pool = model.userPools().get("UserPool");
        assertThat(pool.poolId()).isEqualTo("eu-west-1_UserPool");
        assertThat(pool.groups()).containsExactlyInAnyOrder("agent", "lead", "operator");
        assertThat(pool.preTokenGenerationFunction()).isEqualTo("PreTokenGenerationFunction");
        assertThat(pool.preTokenGenerationVersion()).isEqualTo("V2_0");
        UserPoolSpec.ClientSpec console = pool.clients().get(0);
        assertThat(console.publicClient()).isTrue();
        assertThat(console.oauthFlows()).containsExactly("code");
        assertThat(console.callbackUrls()).containsExactly("http://localhost:5173/");
        assertThat(console.accessTokenMinutes()).isEqualTo(60);
        assertThat(model.notEmulated()).containsEntry("OperationsDashboard", "AWS::CloudWatch::Dashboard")
                .containsEntry("IntakeErrorsAlarm", "AWS::CloudWatch::Alarm")
                .doesNotContainKey("InboundMailRuleSet"); // MailDomain empty: no receipt rules at all
        assertThat(api.cors().allowOrigins()).containsExactly("http://localhost:5173");
        assertThat(api.cors().allowHeaders()).contains("Authorization", "Idempotency-Key");

        TableSpec table = model.tables().get("TicketsTable");
        assertThat(table.keySchema()).extracting(TableSpec.KeyElement::attributeName).containsExactly("PK", "SK");
        assertThat(table.globalSecondaryIndexes()).extracting(TableSpec.IndexSpec::indexName)
                .containsExactly("ByStatus", "ByOrder", "DueBySweep", "ByBuyer", "ByActivity");
        assertThat(table.globalSecondaryIndexes().get(1).projectionType()).isEqualTo("KEYS_ONLY");
        assertThat(table.ttlAttribute()).isEqualTo("expiresAt");
        assertThat(model.buckets().get(0).name()).isEqualTo("deskbridge-dev-raw-mail-000000000000-eu-west-1");
    }

    @Test
    void bringYourOwnIssuerInsteadOfTheUserPool() {
        TemplateModel model = template().model(Map.of("SignIn", "OwnIssuer", "MailDomain", "mail.example.com"),
                "eu-west-1", "deskbridge");
        HttpApiSpec.AuthorizerSpec jwt = model.httpApis().get("HttpApi").authorizers().get("HelpdeskJwt");
        assertThat(jwt.issuer()).isEqualTo("https://auth.deskbridge.example/");
        assertThat(jwt.audiences()).containsExactly("deskbridge-helpdesk");
        assertThat(model.userPools()).isEmpty();
        assertThat(model.functions()).doesNotContainKey("PreTokenGenerationFunction");
        assertThat(model.notEmulated()).containsEntry("InboundMailRuleSet", "AWS::SES::ReceiptRuleSet")
                .containsEntry("InboundMailRule", "AWS::SES::ReceiptRule");
    }

    @Test
    void realTemplateStartsLocally() {
        try (LocalAwsStack stack = LocalAwsStack.builder().template(template()).pollers(false).schedules(false)
                .parameterOverride("Stage", "test").start()) {
            assertThat(stack.environment())
                    .containsEntry("TICKETS_TABLE", "TicketsTable")
                    .containsEntry("PERSONAL_DATA_RETENTION_DAYS", "30")
                    .containsEntry("INTAKE_DLQ_URL", stack.queueUrl("IntakeDeadLetterQueue"))
                    .containsEntry("RAW_MAIL_BUCKET", "deskbridge-test-raw-mail-000000000000-eu-west-1");
            assertThat(stack.dynamoDbClient().describeTable(r -> r.tableName("TicketsTable")).table()
                    .globalSecondaryIndexes()).hasSize(5);
            assertThat(stack.model().schedules()).extracting(ScheduleSpec::id).contains("SlaSweepFunction.Sweep");
            assertThat(stack.model().rules()).extracting(RuleSpec::id).containsExactlyInAnyOrder("SlaEscalationRule", "ShipmentFlagRule");
            assertThat(stack.model().rules()).allSatisfy(rule -> {
                assertThat(rule.eventBusName()).isEqualTo("deskbridge-test");
                assertThat(rule.targets()).extracting(RuleSpec.Target::logicalId).containsExactly("EscalationQueue");
            });
            assertThat(stack.environment()).containsEntry("EVENT_BUS_NAME", "deskbridge-test");
            String redrive = stack.sqsClient().getQueueAttributes(r -> r.queueUrl(stack.queueUrl("IntakeQueue"))
                    .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY);
            assertThat(redrive).contains("IntakeDeadLetterQueue").contains("5");
            assertThat(stack.httpRoutes()).extracting(HttpRoute::routeKey)
                    .contains("GET /tickets/{id}", "GET /tickets");
            // every route but Seller Central's and eBay's redirects (protected by their signed state) and Shopify's
            // webhooks (protected by their HMAC) needs a token of the pool
            java.util.Set<String> open = java.util.Set.of("GET /onboarding/amazon/callback", "GET /onboarding/ebay/callback",
                    "POST /webhooks/shopify/{sellerId}");
            assertThat(stack.httpRoutes()).filteredOn(r -> !open.contains(r.routeKey()))
                    .allSatisfy(r -> assertThat(r.auth().issuer())
                            .isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_UserPool"));
            assertThat(stack.httpRoutes()).filteredOn(r -> open.contains(r.routeKey()))
                    .hasSize(3).allSatisfy(r -> assertThat(r.auth().issuer()).isNull());
            assertThat(stack.jwtAudiences()).containsExactly("helpdeskconsoleclient");
            assertThat(stack.describe()).contains("Cognito user pool UserPool (eu-west-1_UserPool)")
                    .contains("Not emulated (no local part; ignored):").contains("AWS::CloudWatch::Alarm x");
            assertThat(stack.cors()).hasValueSatisfying(c -> assertThat(c.maxAge()).isEqualTo(600));
        }
    }
}
