package com.deskbridge.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TranslationServiceTest {

    /** Upper-cases: a visible, checkable "translation"; records what was sent. */
    private static final class Shouting implements Translator {
        final List<String> sent = new ArrayList<>();

        @Override
        public Translation translate(String text, String sourceLanguage, String targetLanguage) {
            sent.add(text);
            return new Translation(text.toUpperCase(Locale.ROOT), sourceLanguage == null ? "de" : sourceLanguage,
                    targetLanguage, true, null, text.codePointCount(0, text.length()));
        }
    }

    @Test
    void switchedOffSellersGetTheOriginalAndNothingIsSent() {
        Shouting engine = new Shouting();
        TranslationService service = new TranslationService(engine, Set.of("seller-on")::contains);
        Translation t = service.translate("seller-off", "Wo ist mein Paket?", "de", "en");
        assertThat(t.translated()).isFalse();
        assertThat(t.text()).isEqualTo("Wo ist mein Paket?");
        assertThat(t.note()).contains("switched off");
        assertThat(t.billedCharacters()).isZero();
        assertThat(engine.sent).isEmpty();
    }

    @Test
    void textInTheTargetLanguageIsNotSent() {
        Shouting engine = new Shouting();
        Translation t = new TranslationService(engine, s -> true).translate("s", "Where is it?", "EN", "en");
        assertThat(t.translated()).isFalse();
        assertThat(t.note()).isEqualTo("already in en");
        assertThat(engine.sent).isEmpty();
    }

    @Test
    void shortTextGoesInOnePieceAndReportsTheDetectedLanguage() {
        Shouting engine = new Shouting();
        Translation t = new TranslationService(engine, s -> true).translate("s", "wo ist mein paket?", null, "en");
        assertThat(t.translated()).isTrue();
        assertThat(t.text()).isEqualTo("WO IST MEIN PAKET?");
        assertThat(t.sourceLanguage()).isEqualTo("de");
        assertThat(t.billedCharacters()).isEqualTo(18);
        assertThat(engine.sent).hasSize(1);
    }

    @Test
    void longTextIsSplitAtParagraphsThenSentencesIntoPiecesThatFitAndJoinedBack() {
        Shouting engine = new Shouting();
        String para = "Das ist ein Satz über die Lieferung. ".repeat(8).strip();
        String text = para + "\n\n" + para + "\n\n" + "Grüße, Jana";
        Translation t = new TranslationService(engine, s -> true, 200).translate("s", text, "de", "en");
        assertThat(t.translated()).isTrue();
        assertThat(t.text()).isEqualTo(text.toUpperCase(Locale.ROOT));
        assertThat(engine.sent).hasSizeGreaterThan(3);
        for (String piece : engine.sent) {
            assertThat(piece.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
            assertThat(piece).isEqualTo(piece.strip());
        }
    }

    @Test
    void splittingNeverLosesOrBreaksCharacters() {
        String text = "äöü😀".repeat(500) + " end";
        List<String> pieces = TranslationService.split(text, 100);
        assertThat(String.join("", pieces)).isEqualTo(text);
        for (String p : pieces) {
            assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(100);
            assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse();
        }
    }

    @Test
    void oneUntranslatedPieceGivesTheWholeOriginalWithTheReason() {
        Translator halfBroken = new Translator() {
            int n;

            @Override
            public Translation translate(String text, String sourceLanguage, String targetLanguage) {
                return n++ == 0 ? new Translation("X", "de", targetLanguage, true, null, text.length())
                        : Translation.untranslated(text, "de", targetLanguage, "stand-in cannot translate", text.length());
            }
        };
        String text = "Erster Absatz mit einigen Worten.\n\nZweiter Absatz mit einigen Worten.";
        Translation t = new TranslationService(halfBroken, s -> true, 40).translate("s", text, "de", "en");
        assertThat(t.translated()).isFalse();
        assertThat(t.text()).isEqualTo(text);
        assertThat(t.note()).isEqualTo("stand-in cannot translate");
        assertThat(t.billedCharacters()).isEqualTo(text.replace("\n\n", "").length());
    }

    @Test
    void engineOutagesPropagate() {
        Translator down = (text, s, tgt) -> {
            throw new TranslationUnavailableException("Amazon Translate throttled", null);
        };
        assertThatThrownBy(() -> new TranslationService(down, s -> true).translate("s", "Hallo", "de", "en"))
                .isInstanceOf(TranslationUnavailableException.class);
    }

    @Test
    void anUntranslatedResultMustSayWhy() {
        assertThatThrownBy(() -> new Translation("x", "de", "en", false, " ", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
