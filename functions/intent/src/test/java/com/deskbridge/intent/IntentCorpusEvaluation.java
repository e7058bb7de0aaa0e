package com.deskbridge.intent;

import com.deskbridge.nlp.testing.ClassificationReport;
import com.deskbridge.nlp.testing.Corpora;
import com.deskbridge.nlp.testing.IntentRecord;
import com.deskbridge.nlp.testing.Throughput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs an {@link IntentClassifier} over a labelled corpus and measures it ({@link ClassificationReport}): the intent
 * per language group, and the language detection against the labelled language. Used by the frozen-split test and
 * the benchmark; makes no assertions itself.
 */
public final class IntentCorpusEvaluation {
    /** The frozen test split, relative to the intent module. */
    public static final Path TEST_SPLIT = Path.of("corpus", "test");
    /** The training split, relative to the intent module. */
    public static final Path TRAIN_SPLIT = Path.of("corpus", "train");

    private IntentCorpusEvaluation() {
    }

    /** The frozen test split under {@code module} (the intent module's directory), after checking SHA256SUMS. */
    public static List<IntentRecord> testSplit(Path module) {
        Path dir = module.resolve(TEST_SPLIT);
        Corpora.verifyChecksums(dir);
        return Corpora.readDirectory(dir, IntentRecord.class);
    }

    /** The intent labels in {@link Intent} order. */
    public static List<String> labels() {
        return Arrays.stream(Intent.values()).map(Intent::name).toList();
    }

    /** The intents the classifier gives {@code records}, measured per language group. */
    public static ClassificationReport intents(String name, List<IntentRecord> records, IntentClassifier classifier) {
        List<ClassificationReport.Row> rows = new ArrayList<>(records.size());
        for (IntentRecord r : records) {
            IntentResult result = classifier.classify(r.subject(), r.body());
            rows.add(new ClassificationReport.Row(r.group(), r.intent(), result.intent().name(), result.confidence(),
                    result.needsTriage()));
        }
        return new ClassificationReport(name, labels(), rows);
    }

    /** The detected language against the labelled one ("und" when none was detected). */
    public static ClassificationReport languages(String name, List<IntentRecord> records, IntentClassifier classifier) {
        List<String> labels = new ArrayList<>(Corpora.LANGUAGES);
        labels.add(Language.UNKNOWN.code());
        List<ClassificationReport.Row> rows = new ArrayList<>(records.size());
        for (IntentRecord r : records) {
            String detected = classifier.classify(r.subject(), r.body()).language().code();
            rows.add(new ClassificationReport.Row(r.group(), r.language(), labels.contains(detected) ? detected
                    : Language.UNKNOWN.code(), Double.NaN, false));
        }
        return new ClassificationReport(name, labels, rows);
    }

    /** Messages per second on one thread. */
    public static Throughput throughput(List<IntentRecord> records, IntentClassifier classifier, int passes) {
        return Throughput.measure(records, passes, r -> classifier.classify(r.subject(), r.body()).intent().ordinal());
    }
}
