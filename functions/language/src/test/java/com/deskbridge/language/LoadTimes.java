package com.deskbridge.language;

import com.deskbridge.intent.IntentClassifier;
import com.deskbridge.intent.IntentResult;
import com.deskbridge.intent.LinearModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What loading the language models costs in a fresh JVM (as in a new Lambda container): the intent model (read
 * and indexed), Lingua's eight trigram models, and the first classification after both. {@link #main} prints the
 * figures as one line ("intent-model-ms=… lingua-ms=… first-classify-ms=…"); {@link #measure} runs it in a new
 * JVM on a given classpath and returns that line.
 */
public final class LoadTimes {
    private LoadTimes() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        LinearModel model = LinearModel.resource(IntentClassifier.class, IntentClassifier.MODEL_RESOURCE);
        long t1 = System.nanoTime();
        LinguaLanguageDetector lingua = LinguaLanguageDetector.get().preload();
        long t2 = System.nanoTime();
        IntentResult r = new IntentClassifier(model, lingua).classify("Wo ist mein Paket?", "Hallo, wo bleibt meine Bestellung?");
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "intent-model-ms=%.1f lingua-ms=%.1f first-classify-ms=%.1f features=%d %s%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, model.features(), r.intent());
    }

    /** Runs {@link #main} in a fresh JVM on {@code classpath} and returns its line. */
    public static String measure(String classpath) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-cp", classpath, LoadTimes.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("load-time probe failed: " + out);
        }
        List<String> lines = out.lines().toList();
        return lines.get(lines.size() - 1);
    }
}
