package com.deskbridge.nlp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainers' up-to-date check: a model is reused only while nothing it was trained from changed. */
class TrainingInputsTest {
    @TempDir
    Path dir;

    private TrainingInputs inputs(List<Path> corpus) {
        return TrainingInputs.of(dir.resolve("target/model.inputs.sha256"), TrainingInputsTest.class, corpus,
                List.of("nlptest."), List.of("model.bin"));
    }

    @Test
    void aModelIsUpToDateOnlyWithTheSameInputsAndItsOutputs() throws IOException {
        Path train = Files.createDirectories(dir.resolve("corpus/train"));
        Files.writeString(train.resolve("r1.jsonl"), "{\"id\":\"a\"}\n");
        Path model = Files.writeString(dir.resolve("model.bin"), "weights");
        assertThat(TrainingInputs.jsonl(train)).containsExactly(train.resolve("r1.jsonl"));
        assertThat(TrainingInputs.jsonl(dir.resolve("missing"))).isEmpty();

        TrainingInputs first = inputs(TrainingInputs.jsonl(train));
        assertThat(first.upToDate(List.of(model))).as("a clean checkout has no stamp: it trains").isFalse();
        first.record();
        assertThat(inputs(TrainingInputs.jsonl(train)).upToDate(List.of(model))).as("nothing changed").isTrue();
        assertThat(inputs(TrainingInputs.jsonl(train)).upToDate(List.of(model, dir.resolve("other.bin"))))
                .as("an output is missing").isFalse();

        Files.writeString(train.resolve("r2.jsonl"), "{\"id\":\"b\"}\n");
        assertThat(inputs(TrainingInputs.jsonl(train)).upToDate(List.of(model))).as("a corpus file came").isFalse();
        Files.delete(train.resolve("r2.jsonl"));
        Files.writeString(train.resolve("r1.jsonl"), "{\"id\":\"c\"}\n");
        assertThat(inputs(TrainingInputs.jsonl(train)).upToDate(List.of(model))).as("a record changed").isFalse();
        Files.writeString(train.resolve("r1.jsonl"), "{\"id\":\"a\"}\n");
        assertThat(inputs(TrainingInputs.jsonl(train)).upToDate(List.of(model))).as("changed back").isTrue();

        System.setProperty("nlptest.cost", "3");
        try {
            assertThat(inputs(TrainingInputs.jsonl(train)).upToDate(List.of(model))).as("a setting changed").isFalse();
        } finally {
            System.clearProperty("nlptest.cost");
        }
    }
}
