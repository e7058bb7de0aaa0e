package com.deskbridge.nlp.testing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains a linear classifier with Tribuo over sparse feature vectors and returns the weights in a plain layout the
 * deployed code reads without Tribuo: either L2-regularised logistic regression / linear SVM (Tribuo's liblinear
 * trainer, one-vs-rest; exact optimum, fast) or multinomial logistic regression by SGD (Tribuo's LinearSGDTrainer,
 * log-multiclass loss, AdaGrad). Deterministic: fixed seeds and a fresh trainer per call (Tribuo's trainers
 * re-seed on every invocation).
 */
public final class LinearTrainer {
    /** One training item: its label index and its sparse features (indices into the vocabulary, values). */
    public record Example(int label, int[] features, float[] values) {
    }

    /** Which Tribuo trainer. */
    public enum Algorithm {
        /** liblinear L2R_LR: L2-regularised logistic regression, one-vs-rest. */
        LOGISTIC,
        /** liblinear L2R_L2LOSS_SVC_DUAL: L2-regularised linear SVM (squared hinge), one-vs-rest. */
        SVM,
        /** LinearSGDTrainer with LogMulticlass and AdaGrad: multinomial logistic regression. */
        SGD_MULTINOMIAL
    }

    /**
     * Training settings.
     *
     * @param cost         liblinear's C (larger: less regularisation)
     * @param epochs       SGD epochs
     * @param learningRate SGD's AdaGrad rate
     */
    public record Options(Algorithm algorithm, double cost, int epochs, double learningRate, long seed) {
        @Override
        public String toString() {
            return algorithm == Algorithm.SGD_MULTINOMIAL
                    ? String.format(Locale.ROOT, "%s, epochs %d, learning rate %.3f, seed %d", algorithm, epochs,
                    learningRate, seed)
                    : String.format(Locale.ROOT, "%s, C %.3g, seed %d", algorithm, cost, seed);
        }
    }

    /**
     * The trained weights.
     *
     * @param weights {@code weights[feature * labels + label]}; features the model never saw weigh zero
     * @param bias    one per label
     */
    public record Weights(int labels, int features, float[] weights, float[] bias) {
        /** The raw scores of one sparse vector. */
        public double[] scores(int[] features, float[] values) {
            double[] s = new double[labels];
            for (int l = 0; l < labels; l++) {
                s[l] = bias[l];
            }
            for (int i = 0; i < features.length; i++) {
                int base = features[i] * labels;
                for (int l = 0; l < labels; l++) {
                    s[l] += weights[base + l] * values[i];
                }
            }
            return s;
        }

        /** Whether any label weighs feature {@code f}. */
        public boolean used(int f) {
            for (int l = 0; l < labels; l++) {
                if (weights[f * labels + l] != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    static {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    }

    private LinearTrainer() {
    }

    /** Trains on {@code examples}; labels are 0 … labels-1 (each must occur), features 0 … features-1. */
    public static Weights train(List<Example> examples, int labels, int features, Options options) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("deskbridge corpus", OffsetDateTime.parse("2026-01-01T00:00:00Z"), factory),
                factory);
        String[] names = new String[features];
        for (int f = 0; f < features; f++) {
            names[f] = name(f);
        }
        Label[] labelObjects = new Label[labels];
        for (int l = 0; l < labels; l++) {
            labelObjects[l] = new Label(labelName(l));
        }
        for (Example e : examples) {
            String[] fs = new String[e.features().length];
            double[] vs = new double[fs.length];
            for (int i = 0; i < fs.length; i++) {
                fs[i] = names[e.features()[i]];
                vs[i] = e.values()[i];
            }
            data.add(new ArrayExample<>(labelObjects[e.label()], fs, vs));
        }
        Model<Label> model = switch (options.algorithm()) {
            case SGD_MULTINOMIAL -> new LinearSGDTrainer(new LogMulticlass(),
                    new AdaGrad(options.learningRate(), 1e-6), options.epochs(), Integer.MAX_VALUE, 1,
                    options.seed()).train(data);
            case LOGISTIC -> new LibLinearClassificationTrainer(
                    new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), options.cost(), 1000,
                    0.01, options.seed()).train(data);
            case SVM -> new LibLinearClassificationTrainer(
                    new LinearClassificationType(LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL),
                    options.cost(), 1000, 0.1, options.seed()).train(data);
        };
        int[] id = new int[labels];
        for (int l = 0; l < labels; l++) {
            id[l] = model.getOutputIDInfo().getID(labelObjects[l]);
            if (id[l] < 0) {
                throw new IllegalArgumentException("label " + l + " has no training example");
            }
        }
        float[] weights = new float[features * labels];
        float[] bias = new float[labels];
        if (model instanceof LinearSGDModel sgd) {
            exportSgd(sgd, id, weights, bias);
        } else {
            exportLibLinear((LibLinearClassificationModel) model, id, weights, bias);
        }
        return new Weights(labels, features, weights, bias);
    }

    private static void exportSgd(LinearSGDModel model, int[] id, float[] weights, float[] bias) {
        ImmutableFeatureMap featureMap = model.getFeatureIDMap();
        DenseMatrix w = model.getWeightsCopy();
        int biasColumn = w.getDimension2Size() - 1;
        if (biasColumn != featureMap.size()) {
            throw new IllegalStateException("unexpected Tribuo weight matrix " + w.getDimension1Size() + "x"
                    + w.getDimension2Size() + " for " + featureMap.size() + " features");
        }
        int labels = id.length;
        for (VariableInfo info : featureMap) {
            int f = index(info.getName());
            int column = featureMap.getID(info.getName());
            for (int l = 0; l < labels; l++) {
                weights[f * labels + l] = (float) w.get(id[l], column);
            }
        }
        for (int l = 0; l < labels; l++) {
            bias[l] = (float) w.get(id[l], biasColumn);
        }
    }

    /**
     * liblinear's layout (its README): {@code w[feature * nr_class + class]}, features in Tribuo's id order, then
     * the bias feature Tribuo appends with value 1; with two classes a single column for the first label, the
     * second label scoring its negation.
     */
    private static void exportLibLinear(LibLinearClassificationModel model, int[] id, float[] weights, float[] bias) {
        de.bwaldvogel.liblinear.Model inner = model.getInnerModels().get(0);
        ImmutableFeatureMap featureMap = model.getFeatureIDMap();
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        int[] innerLabels = inner.getLabels();
        int columns = inner.getNrClass() == 2 ? 1 : inner.getNrClass();
        double[] w = inner.getFeatureWeights();
        int labels = id.length;
        int[] columnOf = new int[labels];
        double[] sign = new double[labels];
        for (int l = 0; l < labels; l++) {
            for (int c = 0; c < innerLabels.length; c++) {
                if (innerLabels[c] == id[l]) {
                    columnOf[l] = columns == 1 ? 0 : c;
                    sign[l] = columns == 1 && c == 1 ? -1 : 1;
                }
            }
        }
        if (w.length != (featureMap.size() + 1) * columns || outputs.size() != labels) {
            throw new IllegalStateException("unexpected liblinear model: " + w.length + " weights for "
                    + featureMap.size() + " features and the bias, " + outputs.size() + " labels for " + labels);
        }
        for (VariableInfo info : featureMap) {
            int f = index(info.getName());
            int row = featureMap.getID(info.getName());
            for (int l = 0; l < labels; l++) {
                weights[f * labels + l] = (float) (sign[l] * w[row * columns + columnOf[l]]);
            }
        }
        int biasRow = featureMap.size();
        for (int l = 0; l < labels; l++) {
            bias[l] = (float) (sign[l] * w[biasRow * columns + columnOf[l]]);
        }
    }

    /** Zero-padded, so that Tribuo's name order is the index order. */
    private static String name(int i) {
        String digits = Integer.toString(i);
        return "f" + "00000000".substring(digits.length()) + digits;
    }

    private static String labelName(int i) {
        return "label-" + i;
    }

    private static int index(String name) {
        return Integer.parseInt(name.substring(1));
    }
}
