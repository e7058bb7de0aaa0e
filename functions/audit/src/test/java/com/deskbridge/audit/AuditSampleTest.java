package com.deskbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.domain.ticket.ReplySource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuditSampleTest {
    private static final Instant T = Instant.parse("2026-08-01T10:00:00Z");

    /** 600 by ann by hand, 300 by ben from macros, 90 automatic, 10 by ben from suggestions. */
    private static List<AuditCopy.SentReply> population() {
        List<AuditCopy.SentReply> all = new ArrayList<>();
        add(all, 600, "ann", ReplySource.HAND);
        add(all, 300, "ben", ReplySource.MACRO);
        add(all, 90, null, ReplySource.AUTOMATIC);
        add(all, 10, "ben", ReplySource.SUGGESTION);
        return all;
    }

    private static void add(List<AuditCopy.SentReply> all, int n, String agent, ReplySource source) {
        for (int i = 0; i < n; i++) {
            all.add(new AuditCopy.SentReply("r" + agent + source + i, agent, source, T.plusSeconds(all.size())));
        }
    }

    @Test
    void eachStratumGetsItsProportionalShareAndSmallStrataAreNotLeftOut() {
        AuditSample sample = AuditSample.draw(population(), 50, 42);

        assertThat(sample.replies()).hasSize(50).doesNotHaveDuplicates();
        Map<String, Integer> sampled = sample.strata().stream()
                .collect(Collectors.toMap(s -> s.agentId() + "|" + s.source(), AuditSample.Stratum::sampled));
        assertThat(sampled).containsEntry("ann|hand", 30).containsEntry("ben|macro", 15)
                .containsEntry("null|automatic", 4).containsEntry("ben|suggestion", 1);
        assertThat(sample.strata()).extracting(AuditSample.Stratum::population).containsExactlyInAnyOrder(600, 300, 90, 10);
    }

    @Test
    void theSameSeedDrawsTheSameSampleWhateverTheStoresOrder() {
        List<AuditCopy.SentReply> shuffled = new ArrayList<>(population());
        java.util.Collections.reverse(shuffled);

        assertThat(AuditSample.draw(shuffled, 50, AuditSample.seed("au1")).replies())
                .containsExactlyElementsOf(AuditSample.draw(population(), 50, AuditSample.seed("au1")).replies());
        assertThat(AuditSample.draw(population(), 50, AuditSample.seed("au2")).replies())
                .isNotEqualTo(AuditSample.draw(population(), 50, AuditSample.seed("au1")).replies());
    }

    @Test
    void aPopulationSmallerThanTheSampleIsTakenWhole() {
        List<AuditCopy.SentReply> few = population().subList(595, 610);

        assertThat(AuditSample.draw(few, 50, 1).replies()).containsExactlyInAnyOrderElementsOf(few);
    }

    @Test
    void moreStrataThanRoomGiveTheLargestTheirShare() {
        assertThat(AuditSample.allocate(new int[] {100, 1, 1, 1}, 2)).containsExactly(2, 0, 0, 0);
        assertThat(AuditSample.allocate(new int[] {5, 5, 5}, 3)).containsExactly(1, 1, 1);
        assertThat(AuditSample.allocate(new int[] {97, 1, 1, 1}, 10)).containsExactly(7, 1, 1, 1);
    }
}
