package com.deskbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.localaws.ProjectRoot;
import com.deskbridge.localaws.template.SamTemplate;
import com.deskbridge.localaws.template.TemplateModel;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A function's idea of its queue's maxReceiveCount is the queue's: on that delivery the function dead-letters a
 * message with its reason, so a mismatch would either give up early or leave the DLQ without the reason.
 */
class TemplateLimitsTest {

    @ParameterizedTest
    @CsvSource({"IntakeFunction, INTAKE_MAX_RECEIVES, IntakeQueue",
            "SenderFunction, SEND_MAX_ATTEMPTS, OutboundQueue",
            "EnrichmentFunction, ENRICHMENT_MAX_RECEIVES, EnrichmentQueue"})
    void theFunctionKnowsItsQueuesMaxReceiveCount(String function, String variable, String queue) {
        TemplateModel model = SamTemplate.load(ProjectRoot.find().resolve("template.yaml")).model(Map.of(), "eu-west-1", "t");

        assertThat(model.functions().get(function).environment().get(variable).asText())
                .isEqualTo(Integer.toString(model.queues().get(queue).maxReceiveCount()));
    }

    @ParameterizedTest
    @CsvSource({"1, 86400", "7, 604800", "14, 1209600", "30, 1209600", "90, 1209600"})
    void theIntakeDeadLetterQueueKeepsBuyerTextNoLongerThanPersonalDataMayBeKept(String days, int seconds) {
        TemplateModel model = SamTemplate.load(ProjectRoot.find().resolve("template.yaml"))
                .model(Map.of("PersonalDataRetentionDays", days), "eu-west-1", "t");

        assertThat(model.queues().get("IntakeDeadLetterQueue").messageRetentionPeriodSeconds()).isEqualTo(seconds);
    }
}
