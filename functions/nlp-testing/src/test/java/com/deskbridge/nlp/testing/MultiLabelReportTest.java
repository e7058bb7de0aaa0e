package com.deskbridge.nlp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A rule's errors are told apart by what they do to the send/block decision. */
class MultiLabelReportTest {
    private static MultiLabelReport.Row row(Set<String> expected, Set<String> predicted) {
        return new MultiLabelReport.Row("en", expected, predicted, !predicted.isEmpty());
    }

    @Test
    void falseAlarmsAndMissesAreSplitByTheirEffectOnTheDecision() {
        MultiLabelReport report = new MultiLabelReport("t", List.of("MARKETING", "OFF_AMAZON_CONTACT"), List.of(
                row(Set.of(), Set.of("MARKETING")),                                   // blocks a sendable reply
                row(Set.of("OFF_AMAZON_CONTACT"), Set.of("OFF_AMAZON_CONTACT", "MARKETING")), // names a rule too many
                row(Set.of("MARKETING"), Set.of()),                                   // lets the reply out
                row(Set.of("MARKETING", "OFF_AMAZON_CONTACT"), Set.of("OFF_AMAZON_CONTACT")), // blocked anyway
                row(Set.of("MARKETING"), Set.of("MARKETING"))));

        MultiLabelReport.ErrorKinds marketing = report.overall().errorKinds().get(0);
        assertThat(marketing).isEqualTo(new MultiLabelReport.ErrorKinds("MARKETING", 1, 1, 1, 1));
        assertThat(report.overall().errorKinds().get(1))
                .isEqualTo(new MultiLabelReport.ErrorKinds("OFF_AMAZON_CONTACT", 0, 0, 0, 0));
        assertThat(report.overall().rule("MARKETING").precision()).isEqualTo(1.0 / 3);
        assertThat(report.format()).contains("errors by effect").containsPattern("MARKETING +1 +1 +1 +1");
    }
}
