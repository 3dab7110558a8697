import app.arv.imaging.mind.quality.DetectionModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins the corpus features with the runtime's detections, fits the detection model, and reports both fits:
 *   java -cp imaging/target/arv-mind-cli.jar imaging/bench/CalibrationFit.java FEATURES.csv DETECTIONS.jsonl
 *        ENHANCED.jsonl OUT_DIR
 * Writes OUT_DIR/corpus.csv (one row per measured target: features, detection per pose, rate, frames and ms to the
 * first detection, the CURRENT model's prediction, score and verdict, split), OUT_DIR/enhancement.csv and
 * OUT_DIR/fit.md (the tables for the README and the freshly fitted coefficients to paste into DetectionModel).
 *
 * Model: per-pose detection probability p = 1 / (1 + exp(-(b0 + sum bi xi))) over DetectionModel's inputs,
 * maximum binomial likelihood (k of 6 poses) by Newton's method with a small ridge. Split by source image: the
 * targets of every fifth source (sorted by name, starting with the third) are held out and never seen by the fit.
 */
public class CalibrationFit {

    static final double RIDGE = 1.0;

    record Row(Map<String, String> features, String id, String source, String degradation, boolean[] found,
               int[] frames, int[] ms, List<String> poses) {

        int detected() {
            int n = 0;
            for (boolean f : found) {
                n += f ? 1 : 0;
            }
            return n;
        }

        double rate() {
            return detected() / (double) found.length;
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        String[] header = lines.get(0).split(",");
        Map<String, Map<String, String>> features = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            features.put(cells[0], row);
        }
        List<Row> rows = read(Path.of(args[1]), features);
        List<Row> enhanced = Files.exists(Path.of(args[2])) ? read(Path.of(args[2]), features) : List.of();
        Path out = Path.of(args[3]);

        TreeSet<String> sources = new TreeSet<>();
        rows.forEach(r -> sources.add(r.source()));
        List<String> sorted = new ArrayList<>(sources);
        TreeSet<String> heldOut = new TreeSet<>();
        for (int i = 2; i < sorted.size(); i += 5) {
            heldOut.add(sorted.get(i));
        }
        List<Row> train = rows.stream().filter(r -> !heldOut.contains(r.source())).toList();
        List<Row> test = rows.stream().filter(r -> heldOut.contains(r.source())).toList();

        double[] fitted = fit(train);
        StringBuilder md = new StringBuilder();
        md.append("# Detection model fit\n\n");
        md.append(String.format(Locale.ROOT, "Corpus: %d targets from %d source images measured x %d poses (%s); "
                        + "training %d targets, held out %d (sources %s).%n%n", rows.size(), sources.size(),
                rows.isEmpty() ? 0 : rows.get(0).poses().size(), rows.isEmpty() ? "" : String.join(", ", rows.get(0).poses()),
                train.size(), test.size(), String.join(", ", heldOut)));
        md.append("## Freshly fitted coefficients (paste into DetectionModel)\n\n```\n");
        for (int i = 0; i < fitted.length; i++) {
            md.append(String.format(Locale.ROOT, "%s = %.4f%n", i == 0 ? "intercept" : DetectionModel.INPUTS.get(i - 1), fitted[i]));
        }
        double[] thresholds = thresholds(train, fitted);
        md.append(String.format(Locale.ROOT, "GOOD_FROM = %.4f  (lowest threshold above which >= 97 %% of training targets were "
                + "detected in >= 5 of 6 poses)%n(for information: the lowest prediction of a training target detected in any pose "
                + "is %.4f; `unusable` stays the runtime's hard rule, no features or no tracking points, prediction 0)%n",
                thresholds[1], thresholds[0] * 2));
        md.append("```\n\n");
        md.append("## The model in the code (DetectionModel), on this corpus\n\n");
        md.append("| set | targets | false refusals (unusable but detected) | `good` | `good` detected in >= 5/6 poses | "
                + "`weak` | mean detection rate of `weak` | `unusable` | Spearman(score, detection rate) | log loss per pose |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        md.append(summary("training", train));
        md.append(summary("held out", test));
        md.append(summary("all", rows));
        md.append("\n## The freshly fitted model with its thresholds, on this corpus (what pasting it would give)\n\n");
        md.append("| set | targets | false refusals (unusable but detected) | `good` | `good` detected in >= 5/6 poses | "
                + "`weak` | mean detection rate of `weak` | `unusable` | Spearman(score, detection rate) | log loss per pose |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        java.util.function.ToDoubleFunction<Row> fresh = r -> predictWith(fitted, r);
        md.append(summary("training", train, fresh, unusableBelow(), thresholds[1]));
        md.append(summary("held out", test, fresh, unusableBelow(), thresholds[1]));
        md.append(summary("all", rows, fresh, unusableBelow(), thresholds[1]));
        md.append("\nFalse refusals of the fresh model (target, predicted, poses detected): ");
        md.append(String.join(", ", rows.stream().filter(r -> r.detected() > 0 && fresh.applyAsDouble(r) < unusableBelow())
                .map(r -> String.format(Locale.ROOT, "%s %.3f %d/6", r.id(), fresh.applyAsDouble(r), r.detected())).toList()));
        md.append("\n\n`good` of the fresh model detected in fewer than 5 poses: ");
        md.append(String.join(", ", rows.stream().filter(r -> r.detected() < 5 && fresh.applyAsDouble(r) >= thresholds[1])
                .map(r -> String.format(Locale.ROOT, "%s %.3f %d/6", r.id(), fresh.applyAsDouble(r), r.detected())).toList()));
        md.append("\n");
        md.append("\n## Detection rate by degradation (all targets)\n\n| degradation | targets | mean detection rate | "
                + "mean predicted | good / weak / unusable |\n|---|---|---|---|---|\n");
        Map<String, List<Row>> byDegradation = new LinkedHashMap<>();
        rows.stream().sorted((a, b) -> a.degradation().compareTo(b.degradation()))
                .forEach(r -> byDegradation.computeIfAbsent(r.degradation(), k -> new ArrayList<>()).add(r));
        for (var e : byDegradation.entrySet()) {
            List<Row> group = e.getValue();
            int[] verdicts = new int[3];
            for (Row r : group) {
                verdicts[DetectionModel.verdictOf(predict(r)).ordinal()]++;
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %d / %d / %d |%n", e.getKey(), group.size(),
                    group.stream().mapToDouble(Row::rate).average().orElse(0),
                    group.stream().mapToDouble(CalibrationFit::predict).average().orElse(0), verdicts[0], verdicts[1], verdicts[2]));
        }
        md.append(enhancement(rows, enhanced, out));
        Files.writeString(out.resolve("fit.md"), md.toString());
        writeCorpus(out.resolve("corpus.csv"), rows, heldOut);
        System.out.println(md);
    }

    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final Pattern POSE = Pattern.compile(
            "\\{\"pose\":\"([^\"]+)\",\"found\":(true|false),\"frames\":(\\d+),\"ms\":(\\d+)\\}");

    /** calibrate.mjs's lines: {"id":..., "poses":[{"pose":..., "found":..., "frames":..., "ms":...}, ...]}. */
    static List<Row> read(Path jsonl, Map<String, Map<String, String>> features) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            if (line.isBlank()) {
                continue;
            }
            Matcher idMatch = ID.matcher(line);
            if (!idMatch.find()) {
                throw new IllegalStateException("no id in " + line);
            }
            String id = idMatch.group(1);
            Map<String, String> f = features.get(id);
            if (f == null) {
                throw new IllegalStateException("no features for " + id + " (regenerate the corpus)");
            }
            List<String> names = new ArrayList<>();
            List<int[]> values = new ArrayList<>();
            Matcher pose = POSE.matcher(line);
            while (pose.find()) {
                names.add(pose.group(1));
                values.add(new int[] {"true".equals(pose.group(2)) ? 1 : 0, Integer.parseInt(pose.group(3)),
                    Integer.parseInt(pose.group(4))});
            }
            boolean[] found = new boolean[values.size()];
            int[] frames = new int[values.size()];
            int[] ms = new int[values.size()];
            for (int i = 0; i < values.size(); i++) {
                found[i] = values.get(i)[0] == 1;
                frames[i] = values.get(i)[1];
                ms[i] = values.get(i)[2];
            }
            rows.add(new Row(f, id, f.get("source"), f.get("degradation"), found, frames, ms, names));
        }
        return rows;
    }

    static double[] inputs(Row r) {
        Map<String, String> f = r.features();
        return DetectionModel.inputs(Integer.parseInt(f.get("largest_scale_features")),
                Double.parseDouble(f.get("total_features")) / f.get("features_per_scale").split(";").length,
                Integer.parseInt(f.get("tracking_points")), Double.parseDouble(f.get("coverage")),
                Double.parseDouble(f.get("spread")), Double.parseDouble(f.get("duplicate_share")),
                Double.parseDouble(f.get("contrast")), Double.parseDouble(f.get("flat_share")),
                Math.min(Integer.parseInt(f.get("width")), Integer.parseInt(f.get("height"))));
    }

    static double predict(Row r) {
        Map<String, String> f = r.features();
        return DetectionModel.predict(inputs(r), Integer.parseInt(f.get("total_features")),
                Integer.parseInt(f.get("tracking_points")));
    }

    /** Newton's method on the ridge-penalised binomial log likelihood (intercept not penalised). */
    static double[] fit(List<Row> rows) {
        int d = DetectionModel.INPUTS.size() + 1;
        double[] beta = new double[d];
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (Row r : rows) {
                double[] x = withIntercept(inputs(r));
                double p = sigmoid(dot(beta, x));
                int n = r.found().length;
                double residual = r.detected() - n * p;
                double weight = n * p * (1 - p);
                for (int i = 0; i < d; i++) {
                    gradient[i] += residual * x[i];
                    for (int j = 0; j < d; j++) {
                        hessian[i][j] += weight * x[i] * x[j];
                    }
                }
            }
            for (int i = 1; i < d; i++) {
                gradient[i] -= RIDGE * beta[i];
                hessian[i][i] += RIDGE;
            }
            hessian[0][0] += 1e-9;
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int i = 0; i < d; i++) {
                beta[i] += step[i];
                change = Math.max(change, Math.abs(step[i]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        return beta;
    }

    /** Prediction of freshly fitted coefficients, with DetectionModel's rule for targets without features. */
    static double predictWith(double[] beta, Row r) {
        Map<String, String> f = r.features();
        if (Integer.parseInt(f.get("total_features")) == 0 || Integer.parseInt(f.get("tracking_points")) == 0) {
            return 0;
        }
        return sigmoid(dot(beta, withIntercept(inputs(r))));
    }

    static double[] thresholds(List<Row> train, double[] beta) {
        double lowestDetected = 1;
        for (Row r : train) {
            if (r.detected() > 0) {
                lowestDetected = Math.min(lowestDetected, predictWith(beta, r));
            }
        }
        List<Row> byPrediction = new ArrayList<>(train);
        byPrediction.sort((a, b) -> Double.compare(predictWith(beta, b), predictWith(beta, a)));
        double good = 1;
        int n = 0;
        int ok = 0;
        for (Row r : byPrediction) {
            n++;
            ok += r.detected() >= 5 ? 1 : 0;
            if (ok >= 0.97 * n) {
                good = predictWith(beta, r);
            }
        }
        return new double[] {lowestDetected / 2, good};
    }

    /** `unusable` = prediction 0 (DetectionModel's hard rule); a fitted threshold refused detected held-out targets. */
    static double unusableBelow() {
        return DetectionModel.UNUSABLE_BELOW;
    }

    static String summary(String name, List<Row> rows) {
        return summary(name, rows, CalibrationFit::predict, -1, -1);
    }

    /** @param unusableBelow with goodFrom, the thresholds to apply; -1: DetectionModel's verdict */
    static String summary(String name, List<Row> rows, java.util.function.ToDoubleFunction<Row> model,
                          double unusableBelow, double goodFrom) {
        int falseRefusals = 0;
        int good = 0;
        int goodDetected = 0;
        int weak = 0;
        double weakRate = 0;
        int unusable = 0;
        double logLoss = 0;
        int trials = 0;
        double[] scores = new double[rows.size()];
        double[] rates = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double p = model.applyAsDouble(r);
            scores[i] = DetectionModel.scoreOf(p);
            rates[i] = r.rate();
            var verdict = unusableBelow < 0 ? DetectionModel.verdictOf(p)
                    : p < unusableBelow ? app.arv.imaging.mind.quality.Verdict.UNUSABLE
                    : p >= goodFrom ? app.arv.imaging.mind.quality.Verdict.GOOD : app.arv.imaging.mind.quality.Verdict.WEAK;
            switch (verdict) {
                case GOOD -> {
                    good++;
                    goodDetected += r.detected() >= 5 ? 1 : 0;
                }
                case WEAK -> {
                    weak++;
                    weakRate += r.rate();
                }
                case UNUSABLE -> {
                    unusable++;
                    falseRefusals += r.detected() > 0 ? 1 : 0;
                }
            }
            double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
            logLoss -= r.detected() * Math.log(q) + (r.found().length - r.detected()) * Math.log(1 - q);
            trials += r.found().length;
        }
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %d | %s | %d | %.3f | %.3f |%n", name, rows.size(),
                falseRefusals, good, good == 0 ? "-" : String.format(Locale.ROOT, "%d (%.1f %%)", goodDetected, 100.0 * goodDetected / good),
                weak, weak == 0 ? "-" : String.format(Locale.ROOT, "%.2f", weakRate / weak), unusable,
                spearman(scores, rates), trials == 0 ? 0 : logLoss / trials);
    }

    static String enhancement(List<Row> rows, List<Row> enhanced, Path out) throws Exception {
        Map<String, Row> originals = new HashMap<>();
        rows.forEach(r -> originals.put(r.id(), r));
        List<String> csv = new ArrayList<>();
        csv.add("id,original_verdict,original_predicted,original_poses_detected,enhanced_predicted,enhanced_verdict,enhanced_poses_detected");
        int[] inputs = new int[3];
        int[] improved = new int[3];
        int[] rescued = new int[3];
        int[] undetected = new int[3];
        for (Row e : enhanced) {
            Row o = originals.get(e.id().replace("~enhanced", ""));
            if (o == null) {
                continue;
            }
            var verdict = DetectionModel.verdictOf(predict(o));
            int v = verdict.ordinal();
            inputs[v]++;
            if (e.detected() > o.detected()) {
                improved[v]++;
            }
            if (o.detected() == 0) {
                undetected[v]++;
                if (e.detected() > 0) {
                    rescued[v]++;
                }
            }
            csv.add(String.join(",", o.id(), verdict.label(), fmt(predict(o)), Integer.toString(o.detected()), fmt(predict(e)),
                    DetectionModel.verdictOf(predict(e)).label(), Integer.toString(e.detected())));
        }
        Files.write(out.resolve("enhancement.csv"), csv);
        StringBuilder md = new StringBuilder("\n## Enhancement (PrintEnhancer) of the targets detected in fewer than 5 of 6 poses\n\n"
                + "| verdict of the original | targets | enhanced detected in more poses | originals detected in no pose | "
                + "of those, enhanced detected in at least one |\n|---|---|---|---|---|\n");
        String[] names = {"good", "weak", "unusable"};
        for (int v = 0; v < 3; v++) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", names[v], inputs[v], improved[v], undetected[v], rescued[v]));
        }
        return md.toString();
    }

    static void writeCorpus(Path file, List<Row> rows, TreeSet<String> heldOut) throws Exception {
        List<String> out = new ArrayList<>();
        List<String> poses = rows.isEmpty() ? List.of() : rows.get(0).poses();
        StringBuilder header = new StringBuilder(
                "target,source,degradation,width,height,features_per_scale,total_features,largest_scale_features,"
                        + "tracking_points,coverage,largest_cell_share,spread,duplicate_share,median_nearest_bits,contrast,flat_share");
        for (String p : poses) {
            header.append(",detected_").append(p);
        }
        header.append(",poses_detected,detection_rate,median_frames_to_detection,median_ms_to_detection,"
                + "predicted_detection,score,verdict,split");
        out.add(header.toString());
        for (Row r : rows) {
            StringBuilder line = new StringBuilder(String.join(",", r.features().values()));
            for (boolean f : r.found()) {
                line.append(',').append(f ? 1 : 0);
            }
            int[] frames = new int[r.detected()];
            int[] ms = new int[r.detected()];
            int k = 0;
            for (int i = 0; i < r.found().length; i++) {
                if (r.found()[i]) {
                    frames[k] = r.frames()[i];
                    ms[k++] = r.ms()[i];
                }
            }
            Arrays.sort(frames);
            Arrays.sort(ms);
            double p = predict(r);
            line.append(',').append(r.detected()).append(',').append(fmt(r.rate()))
                    .append(',').append(k == 0 ? "" : Integer.toString(frames[k / 2]))
                    .append(',').append(k == 0 ? "" : Integer.toString(ms[k / 2]))
                    .append(',').append(fmt(p)).append(',').append(DetectionModel.scoreOf(p))
                    .append(',').append(DetectionModel.verdictOf(p).label())
                    .append(',').append(heldOut.contains(r.source()) ? "held-out" : "training");
            out.add(line.toString());
        }
        Files.write(file, out);
    }

    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0);
        double mb = Arrays.stream(rb).average().orElse(0);
        double num = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < ra.length; i++) {
            num += (ra[i] - ma) * (rb[i] - mb);
            da += (ra[i] - ma) * (ra[i] - ma);
            db += (rb[i] - mb) * (rb[i] - mb);
        }
        return da == 0 || db == 0 ? 0 : num / Math.sqrt(da * db);
    }

    /** Ranks with ties sharing their mean rank. */
    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return r;
    }

    static double[] withIntercept(double[] x) {
        double[] y = new double[x.length + 1];
        y[0] = 1;
        System.arraycopy(x, 0, y, 1, x.length);
        return y;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
