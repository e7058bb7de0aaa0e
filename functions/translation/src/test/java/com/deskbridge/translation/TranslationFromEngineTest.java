package com.deskbridge.translation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an engine's answer is judged (both Amazon Translate adapters use it). */
class TranslationFromEngineTest {

    @Test
    void aTextInTheRequestedLanguageReadFromAnotherIsATranslation() {
        Translation t = Translation.fromEngine("Wo ist mein Paket?", "en", "de", "en", "Where is my parcel?", false, 18);
        assertThat(t.translated()).isTrue();
        assertThat(t.text()).isEqualTo("Where is my parcel?");
        assertThat(t.sourceLanguage()).isEqualTo("de");
    }

    @Test
    void theStandInsEchoIsUntranslatedAndSaysSo() {
        Translation t = Translation.fromEngine("Wo ist mein Paket?", "en", "de", "de", "Wo ist mein Paket?", true, 18);
        assertThat(t.translated()).isFalse();
        assertThat(t.fromStandIn()).isTrue();
        assertThat(t.text()).isEqualTo("Wo ist mein Paket?");
        assertThat(t.note()).isEqualTo(Translation.STAND_IN_NOTE);
    }

    @Test
    void aTextAlreadyInTheTargetLanguageIsNotATranslation() {
        Translation t = Translation.fromEngine("Where is it?", "en", "en", "en", "Where is it?", false, 12);
        assertThat(t.translated()).isFalse();
        assertThat(t.fromStandIn()).isFalse();
        assertThat(t.note()).isEqualTo("already in en");
    }

    @Test
    void anAnswerInAnotherLanguageThanAskedIsNotATranslation() {
        Translation t = Translation.fromEngine("Hallo", "fr", "auto", "de", "Hallo", false, 5);
        assertThat(t.translated()).isFalse();
        assertThat(t.sourceLanguage()).isNull();
        assertThat(t.note()).isEqualTo("Amazon Translate answered in de, not fr");
    }
}
