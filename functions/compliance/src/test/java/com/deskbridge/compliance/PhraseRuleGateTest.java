package com.deskbridge.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.intent.Language;
import com.deskbridge.nlp.testing.Corpora;
import com.deskbridge.nlp.testing.ReplyRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The phrase cues' gated scan ({@link StartGate}: only the cues that can open at a word start are tried there)
 * finds exactly what each group's cues find as one alternation with {@code Matcher.find} over the whole text (how
 * the checker scanned before the gate): on every other training reply, in the language scopes, and on texts built to
 * start cues where the gate's openings end (punctuation, non-ASCII letters, the end of the text).
 */
class PhraseRuleGateTest {
    private static final PhraseRule RULE = new PhraseRule();
    private static final List<Pattern> ALTERNATIONS = RULE.groups().stream().map(g -> Pattern.compile(
            PhraseRule.Group.framed(g.cues().stream().map(c -> "(?:" + c + ")").collect(Collectors.joining("|")))))
            .toList();

    /** The reference: every group's cues as one alternation, found over the whole folded text. */
    private static List<Span> ungated(FoldedText text, Language language) {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < ALTERNATIONS.size(); i++) {
            PhraseRule.Group g = RULE.groups().get(i);
            if (!g.languages().isEmpty() && language != Language.UNKNOWN && !g.languages().contains(language)) {
                continue;
            }
            Matcher m = ALTERNATIONS.get(i).matcher(text.folded());
            while (m.find()) {
                out.add(new Span(g.rule(), g.severity(), text.rawStart(m.start()), text.rawEnd(m.end()),
                        Advice.explanation(g.rule(), g.severity()), Advice.alternative(g.rule(), g.severity())));
            }
        }
        return out;
    }

    private static List<Span> gated(FoldedText text, Language language) {
        List<Span> out = new ArrayList<>();
        RULE.scan(text, language, out);
        return out;
    }

    @Test
    void findsWhatTheWholeTextAlternationsFindOnTrainingReplies() {
        List<ReplyRecord> replies = Corpora.readDirectory(ComplianceCorpusEvaluation.TRAIN_SPLIT, ReplyRecord.class);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < replies.size(); i += 2) { // every other reply keeps the test short
            texts.add(replies.get(i).text());
        }
        texts.addAll(List.of("leave a 5-star review", "«Leave a review»", "(leave us a review) please",
                "—follow us on Instagram", "Folgen Sie uns auf Instagram!", "écrivez-nous: 5 ⭐ review",
                "20% off", "x", "", "call us", "@shop_name", "l", "le", "leave", "...leave a positive review",
                "ÉVALUEZ-NOUS", "visit our website\u2019s shop", "give us a call!"));
        int findings = 0;
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            FoldedText f = new FoldedText(t);
            // every group applies without a language; the scoped ones are checked on every tenth reply
            List<Language> languages = i % 10 == 0 || i >= texts.size() - 18
                    ? List.of(Language.UNKNOWN, Language.EN, Language.ES) : List.of(Language.UNKNOWN);
            for (Language language : languages) {
                List<Span> expected = ungated(f, language);
                assertThat(gated(f, language)).as("%s (%s)", t, language).isEqualTo(expected);
                findings += expected.size();
            }
        }
        assertThat(findings).as("the replies hold cues").isGreaterThan(100);
    }
}
