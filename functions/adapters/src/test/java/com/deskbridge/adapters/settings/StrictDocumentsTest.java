package com.deskbridge.adapters.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.ticket.InvalidInputException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stored settings documents are read strictly: a duplicate key or content after the object is refused (issue 12, 5). */
class StrictDocumentsTest {
    private static final List<Consumer<String>> READERS = List.of(
            d -> new SlaPolicyJson().parse(d), d -> new TagRulesJson().parse(d), d -> new ReplySettingsJson().parse(d));

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"rules\":[],\"rules\":[]}",
            "{\"shopName\":\"A\",\"shopName\":\"B\"}",
            "{\"channels\":{},\"channels\":{}}"})
    void aDuplicateKeyIsRefused(String document) {
        for (Consumer<String> reader : READERS) {
            assertThatThrownBy(() -> reader.accept(document)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("duplicate key")
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("body"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} {}", "{}x", "{}]", "{} // comment"})
    void contentAfterTheObjectIsRefused(String document) {
        for (Consumer<String> reader : READERS) {
            assertThatThrownBy(() -> reader.accept(document)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("body"));
        }
    }
}
