package com.deskbridge.localaws.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateParsingTest {

    private static final String TAGS = """
            Resources:
              X:
                Type: Custom::Thing
                Properties:
                  Ref: !Ref Param
                  AttDot: !GetAtt Queue.Arn
                  AttNested: !GetAtt Db.Endpoint.Address
                  AttList: !GetAtt [Queue, QueueName]
                  Sub: !Sub "a-${Param}"
                  SubList: !Sub ["${A}-x", {A: !Ref Param}]
                  Join: !Join [",", [a, b]]
                  Select: !Select [0, [a, b]]
                  Split: !Split [",", "a,b"]
                  If: !If [Cond, a, b]
                  Equals: !Equals [a, b]
                  Not: !Not [!Condition Cond]
                  And: !And [!Condition Cond, !Condition Other]
                  Or: !Or [!Condition Cond, !Condition Other]
                  FindInMap: !FindInMap [M, K, V]
                  ImportValue: !ImportValue exported
                  Base64: !Base64 text
                  GetAZs: !GetAZs ""
                  Cidr: !Cidr ["10.0.0.0/16", 2, 8]
                  Date: 2010-09-09
            """;

    @Test
    void shortFormTagsBecomeLongForms() {
        JsonNode p = SamTemplate.parse(TAGS).json().path("Resources").path("X").path("Properties");
        assertThat(p.get("Ref").toString()).isEqualTo("{\"Ref\":\"Param\"}");
        assertThat(p.get("AttDot").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Queue\",\"Arn\"]}");
        assertThat(p.get("AttNested").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Db\",\"Endpoint.Address\"]}");
        assertThat(p.get("AttList").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Queue\",\"QueueName\"]}");
        assertThat(p.get("Sub").toString()).isEqualTo("{\"Fn::Sub\":\"a-${Param}\"}");
        assertThat(p.get("SubList").toString()).isEqualTo("{\"Fn::Sub\":[\"${A}-x\",{\"A\":{\"Ref\":\"Param\"}}]}");
        assertThat(p.get("Join").toString()).isEqualTo("{\"Fn::Join\":[\",\",[\"a\",\"b\"]]}");
        assertThat(p.get("Select").toString()).isEqualTo("{\"Fn::Select\":[0,[\"a\",\"b\"]]}");
        assertThat(p.get("Split").toString()).isEqualTo("{\"Fn::Split\":[\",\",\"a,b\"]}");
        assertThat(p.get("If").toString()).isEqualTo("{\"Fn::If\":[\"Cond\",\"a\",\"b\"]}");
        assertThat(p.get("Equals").toString()).isEqualTo("{\"Fn::Equals\":[\"a\",\"b\"]}");
        assertThat(p.get("Not").toString()).isEqualTo("{\"Fn::Not\":[{\"Condition\":\"Cond\"}]}");
        assertThat(p.get("And").toString()).startsWith("{\"Fn::And\":[{\"Condition\":\"Cond\"}");
        assertThat(p.get("Or").toString()).startsWith("{\"Fn::Or\":[{\"Condition\":\"Cond\"}");
        assertThat(p.get("FindInMap").toString()).isEqualTo("{\"Fn::FindInMap\":[\"M\",\"K\",\"V\"]}");
        assertThat(p.get("ImportValue").toString()).isEqualTo("{\"Fn::ImportValue\":\"exported\"}");
        assertThat(p.get("Base64").toString()).isEqualTo("{\"Fn::Base64\":\"text\"}");
        assertThat(p.get("GetAZs").toString()).isEqualTo("{\"Fn::GetAZs\":\"\"}");
        assertThat(p.get("Cidr").toString()).isEqualTo("{\"Fn::Cidr\":[\"10.0.0.0/16\",2,8]}");
        assertThat(p.get("Date").asText()).isEqualTo("2010-09-09");
    }

    @Test
    void globalsAreMergedIntoFunctionsAndEventsAreTyped() {
        TemplateModel model = fixture(Map.of());
        FunctionSpec worker = model.functions().get("WorkerFunction");
        assertThat(worker.handlerClass()).isEqualTo("com.deskbridge.localaws.testhandlers.BatchHandler");
        assertThat(worker.handlerMethod()).isEqualTo("handleRequest");
        assertThat(worker.runtime()).isEqualTo("java17");
        assertThat(worker.timeoutSeconds()).isEqualTo(20);
        assertThat(worker.memorySize()).isEqualTo(512);
        assertThat(worker.environment()).containsOnlyKeys("TABLE", "STAGE", "WORK_DLQ_URL", "WORK_QUEUE_ARN");
        assertThat(model.functions().get("ApiFunction").timeoutSeconds()).isEqualTo(5);

        FunctionEventSpec.Sqs sqs = worker.eventsOfType(FunctionEventSpec.Sqs.class).get(0);
        assertThat(sqs.queueLogicalId()).isEqualTo("WorkQueue");
        assertThat(sqs.batchSize()).isEqualTo(5);
        assertThat(sqs.reportBatchItemFailures()).isTrue();
        assertThat(model.functions().get("PoisonFunction").eventsOfType(FunctionEventSpec.Sqs.class).get(0)
                .reportBatchItemFailures()).isFalse();

        List<FunctionEventSpec.Schedule> schedules = model.functions().get("ScheduledFunction")
                .eventsOfType(FunctionEventSpec.Schedule.class);
        assertThat(schedules).extracting(FunctionEventSpec.Schedule::expression)
                .containsExactly("cron(0 3 * * ? *)", "rate(1 minute)");
        assertThat(schedules.get(0).enabled()).isFalse();
        assertThat(schedules.get(1).timezone()).isEqualTo("Europe/Berlin");
        assertThat(schedules.get(1).v2()).isTrue();
        assertThat(model.schedules()).extracting(ScheduleSpec::id)
                .containsExactly("ScheduledFunction.Nightly", "ScheduledFunction.Frequent", "CleanupRule");
        ScheduleSpec cleanup = model.schedules().get(2);
        assertThat(cleanup.enabled()).isFalse();
        assertThat(cleanup.targets().get(0).kind()).isEqualTo(RuleSpec.TargetKind.QUEUE);
        assertThat(cleanup.targets().get(0).input()).isEqualTo("{\"kind\":\"cleanup\"}");

        assertThat(model.rules()).extracting(RuleSpec::id).containsExactly("EventFunction.Other", "OrdersRule");
        RuleSpec orders = model.rules().get(1);
        assertThat(orders.eventBusName()).isEqualTo("test-bus");
        assertThat(orders.targets()).extracting(RuleSpec.Target::kind)
                .containsExactly(RuleSpec.TargetKind.FUNCTION, RuleSpec.TargetKind.QUEUE);
        assertThat(model.rules().get(0).eventBusName()).isEqualTo("default");

        FunctionEventSpec.HttpApi get = model.functions().get("ApiFunction")
                .eventsOfType(FunctionEventSpec.HttpApi.class).get(0);
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.path()).isEqualTo("/items/{id}");
        assertThat(get.apiLogicalId()).isEqualTo("Api");
        HttpApiSpec api = model.httpApis().get("Api");
        assertThat(api.defaultAuthorizer()).isEqualTo("Jwt");
        assertThat(api.authorizers().get("Jwt").audiences()).containsExactly("aud-1", "aud-2");
        assertThat(api.cors().allowOrigins()).containsExactly("http://localhost:5173");
        assertThat(api.cors().maxAge()).isEqualTo(300);
    }

    @Test
    void tablesQueuesBucketsAndBuses() {
        TemplateModel model = fixture(Map.of("Stage", "dev"));
        TableSpec table = model.tables().get("ItemsTable");
        assertThat(table.tableName()).isEqualTo("dev-items");
        assertThat(table.globalSecondaryIndexes()).extracting(TableSpec.IndexSpec::indexName).containsExactly("ByStatus");
        assertThat(table.localSecondaryIndexes()).extracting(TableSpec.IndexSpec::projectionType)
                .containsExactly("KEYS_ONLY");
        assertThat(table.ttlAttribute()).isEqualTo("expiresAt");
        QueueSpec work = model.queues().get("WorkQueue");
        assertThat(work.queueName()).isEqualTo("WorkQueue");
        assertThat(work.deadLetterQueueLogicalId()).isEqualTo("WorkDlq");
        assertThat(work.maxReceiveCount()).isEqualTo(2);
        assertThat(work.visibilityTimeoutSeconds()).isEqualTo(120);
        assertThat(model.queues().get("WorkDlq").queueName()).isEqualTo("dev-work-dlq");
        assertThat(model.buckets()).extracting(ResourceNames::name).containsExactly("dev-files-000000000000");
        assertThat(model.eventBuses()).extracting(ResourceNames::name).containsExactly("dev-bus");
        // the topic's Condition is false for Stage=dev, so it is not in the model at all
        assertThat(model.notEmulated()).doesNotContainKey("UnusedTopic");
        assertThat(fixture(Map.of()).notEmulated()).containsEntry("UnusedTopic", "AWS::SNS::Topic");
        assertThat(model.parameters().get("Stage").overridden()).isTrue();
    }

    @Test
    void intrinsicsResolveToLocalValues() {
        SamTemplate template = SamTemplate.parse("""
                Parameters:
                  Env: {Type: String, Default: prod}
                  Zones: {Type: CommaDelimitedList, Default: "a,b,c"}
                Mappings:
                  Sizes:
                    prod: {Memory: 2048}
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                  NotProd: !Not [!Condition IsProd]
                  Both: !And [!Condition IsProd, !Equals [x, x]]
                  Either: !Or [!Condition NotProd, !Condition Both]
                Resources:
                  Q: {Type: AWS::SQS::Queue, Properties: {QueueName: !Sub "${Env}-q"}}
                  T: {Type: AWS::DynamoDB::Table, Properties: {TableName: tbl, AttributeDefinitions: [{AttributeName: k, AttributeType: S}], KeySchema: [{AttributeName: k, KeyType: HASH}]}}
                  B: {Type: AWS::S3::Bucket}
                  F: {Type: AWS::Serverless::Function, Properties: {Handler: a.B::c, Runtime: java21}}
                  Probe:
                    Type: Custom::Probe
                    Properties:
                      QueueUrl: !Ref Q
                      QueueArn: !GetAtt Q.Arn
                      QueueName: !GetAtt Q.QueueName
                      Table: !Ref T
                      Bucket: !Ref B
                      Function: !Ref F
                      FunctionArn: !GetAtt F.Arn
                      Sub: !Sub "${AWS::Region}/${AWS::AccountId}/${AWS::StackName}/${AWS::Partition}/${AWS::URLSuffix}/${Q.Arn}/${!Literal}/${T}"
                      SubVars: !Sub ["${X}-${Env}", {X: !Ref B}]
                      Join: !Join ["-", [!Ref Env, !Select [1, !Ref Zones], !Select [0, !Split ["|", "p|q"]]]]
                      If: !If [IsProd, yes-prod, !Ref AWS::NoValue]
                      Gone: !If [NotProd, x, !Ref AWS::NoValue]
                      Either: !If [Either, enabled, disabled]
                      Memory: !FindInMap [Sizes, !Ref Env, Memory]
                      B64: !Base64 hi
                      List: [a, !Ref AWS::NoValue, b]
                """);
        TemplateModel model = template.model(Map.of(), "eu-central-1", "my-stack");
        IntrinsicResolver resolver = model.resolver(id -> "http://127.0.0.1:9324/000000000000/" + id);
        JsonNode probe = resolver.resolve(template.json().path("Resources").path("Probe").path("Properties"), "Probe");
        assertThat(probe.get("QueueUrl").asText()).isEqualTo("http://127.0.0.1:9324/000000000000/Q");
        assertThat(probe.get("QueueArn").asText()).isEqualTo("arn:aws:sqs:eu-central-1:000000000000:prod-q");
        assertThat(probe.get("QueueName").asText()).isEqualTo("prod-q");
        assertThat(probe.get("Table").asText()).isEqualTo("tbl");
        assertThat(probe.get("Bucket").asText()).isEqualTo("b");
        assertThat(probe.get("Function").asText()).isEqualTo("F");
        assertThat(probe.get("FunctionArn").asText()).isEqualTo("arn:aws:lambda:eu-central-1:000000000000:function:F");
        assertThat(probe.get("Sub").asText()).isEqualTo("eu-central-1/000000000000/my-stack/aws/amazonaws.com/"
                + "arn:aws:sqs:eu-central-1:000000000000:prod-q/${Literal}/tbl");
        assertThat(probe.get("SubVars").asText()).isEqualTo("b-prod");
        assertThat(probe.get("Join").asText()).isEqualTo("prod-b-p");
        assertThat(probe.get("If").asText()).isEqualTo("yes-prod");
        assertThat(probe.has("Gone")).isFalse();
        assertThat(probe.get("Either").asText()).isEqualTo("enabled");
        assertThat(probe.get("Memory").asInt()).isEqualTo(2048);
        assertThat(probe.get("B64").asText()).isEqualTo("aGk=");
        assertThat(probe.get("List").toString()).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void unsupportedConstructsFailWithTheirLocation() {
        SamTemplate imports = SamTemplate.parse("""
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::c
                      Runtime: java21
                      Environment:
                        Variables:
                          SHARED: !ImportValue other-stack-output
                """);
        TemplateModel model = imports.model(Map.of(), "eu-west-1", "s");
        assertThatThrownBy(() -> model.resolver(id -> "u").resolve(
                imports.json().at("/Resources/F/Properties/Environment/Variables/SHARED"),
                "Resources.F.Properties.Environment.Variables.SHARED"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Resources.F.Properties.Environment.Variables.SHARED")
                .hasMessageContaining("Fn::ImportValue is not supported");

        assertThatThrownBy(() -> SamTemplate.parse("""
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::c
                      Runtime: java21
                      Events:
                        Upload:
                          Type: S3
                          Properties: {Bucket: !Ref B, Events: s3:ObjectCreated:*}
                  B: {Type: AWS::S3::Bucket}
                """).model(Map.of(), "eu-west-1", "s"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Resources.F.Properties.Events.Upload.Type")
                .hasMessageContaining("'S3'");

        assertThatThrownBy(() -> SamTemplate.parse("""
                Resources:
                  T: {Type: AWS::DynamoDB::Table, Properties: {AttributeDefinitions: [{AttributeName: k, AttributeType: S}], KeySchema: [{AttributeName: k, KeyType: HASH}]}}
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: !GetAtt T.StreamLabel
                      Runtime: java21
                """).model(Map.of(), "eu-west-1", "s"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Resources.F.Properties.Handler")
                .hasMessageContaining("StreamLabel");

        assertThatThrownBy(() -> fixture(Map.of("Stage", "prod")))
                .hasMessageContaining("Parameters.Stage").hasMessageContaining("prod");
        assertThatThrownBy(() -> fixture(Map.of("Nope", "x"))).hasMessageContaining("Nope");
    }

    static TemplateModel fixture(Map<String, String> overrides) {
        return SamTemplate.load(Path.of("src/test/resources/templates/stack.yaml"))
                .model(overrides, "eu-west-1", "local");
    }
}
