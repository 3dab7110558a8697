package app.arv.imaging.mind.e2e;

import app.arv.imaging.E2eEnvironment;
import app.arv.imaging.mind.CompiledTarget;
import app.arv.imaging.mind.MindTargetCompiler;
import app.arv.imaging.mind.format.MindFile;
import app.arv.imaging.mind.format.MindWriter;
import app.arv.imaging.mind.quality.CalibrationCorpus;
import app.arv.imaging.mind.quality.Verdict;
import app.arv.imaging.raster.GreyImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast check of the calibration (imaging/bench/calibrate.sh measures all of it in about an hour): 20 targets
 * of the committed corpus table, a few of each verdict, regenerated, compiled with today's compiler and shown to
 * the real MindAR 1.2.5 runtime in one pose each (the poses taken in turn). The verdicts must still hold: nothing
 * rated {@code unusable} is detected, what is rated {@code good} is, and the runtime still agrees with the table.
 */
class DetectionCalibrationIT {

    private static final Path CORPUS = Path.of("bench/calibration/corpus.csv");
    private static final List<String> POSES = List.of("frontal", "tilt", "yaw", "roll", "far", "near-moving");
    private static final int SAMPLE = 20;
    private static final Pattern RESULT = Pattern.compile("\"id\":\"([^\"]+)\",\"poses\":\\[\\{\"pose\":\"[^\"]+\",\"found\":(true|false)");

    @TempDir
    Path dir;

    record Sampled(Map<String, String> row, String pose, Verdict verdict, boolean recordedFound) {
    }

    @Test
    void predictionsStillMatchTheRuntimeOnASampleOfTheCorpus() throws Exception {
        E2eEnvironment env = E2eEnvironment.require(true);
        List<Map<String, String>> rows = readCorpus();
        MindTargetCompiler compiler = new MindTargetCompiler();
        List<String> jobs = new ArrayList<>();
        Map<String, Sampled> sampled = new HashMap<>();
        List<Map<String, String>> sample = sample(rows);
        for (int i = 0; i < sample.size(); i++) {
            Map<String, String> row = sample.get(i);
            String id = row.get("target");
            String pose = POSES.get(i % POSES.size());
            GreyImage image = CalibrationCorpus.target(Files.readAllBytes(source(row.get("source"))), row.get("degradation"));
            byte[] png = CalibrationCorpus.png(image);
            String file = "t" + i;
            Files.write(dir.resolve(file + ".png"), png);
            CompiledTarget compiled = compiler.analyze(new app.arv.imaging.input.ImageLoader().load(png));
            Files.write(dir.resolve(file + ".mind"), new MindWriter().write(new MindFile(List.of(compiled.target()))));
            jobs.add(id + "\t" + file + ".png\t" + file + ".mind\t" + pose);
            sampled.put(id, new Sampled(row, pose, compiled.quality().verdict(), "1".equals(row.get("detected_" + pose))));
        }
        Path jobsFile = dir.resolve("jobs.tsv");
        Files.write(jobsFile, jobs);
        Path out = dir.resolve("out.jsonl");

        env.node(900, "calibrate.mjs", jobsFile.toString(), out.toString());

        int agree = 0;
        List<String> falseRefusals = new ArrayList<>();
        List<String> goodMissed = new ArrayList<>();
        int good = 0;
        for (String line : Files.readAllLines(out)) {
            Matcher m = RESULT.matcher(line);
            assertThat(m.find()).as("result line %s", line).isTrue();
            Sampled s = sampled.get(m.group(1));
            boolean found = "true".equals(m.group(2));
            System.out.printf("calibration check %s (%s, %s): %s, table says %s%n", m.group(1), s.pose(), s.verdict().label(),
                    found ? "found" : "not found", s.recordedFound() ? "found" : "not found");
            agree += found == s.recordedFound() ? 1 : 0;
            if (s.verdict() == Verdict.UNUSABLE && found) {
                falseRefusals.add(m.group(1));
            }
            if (s.verdict() == Verdict.GOOD) {
                good++;
                if (!found) {
                    goodMissed.add(m.group(1));
                }
            }
        }
        assertThat(agree).as("targets where the runtime agrees with the committed table (of %d)", sampled.size())
                .isGreaterThanOrEqualTo(sampled.size() - 2);
        assertThat(falseRefusals).as("rated unusable yet detected").isEmpty();
        assertThat(goodMissed.size()).as("rated good yet not detected (of %d good): %s", good, goodMissed).isLessThanOrEqualTo(1);
    }

    /** A few targets of each committed verdict, spread over the table (every k-th by name), 20 in all. */
    private static List<Map<String, String>> sample(List<Map<String, String>> rows) {
        List<Map<String, String>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(r -> r.get("target")));
        Map<String, List<Map<String, String>>> byVerdict = new HashMap<>();
        for (Map<String, String> r : sorted) {
            byVerdict.computeIfAbsent(r.get("verdict"), k -> new ArrayList<>()).add(r);
        }
        List<Map<String, String>> sample = new ArrayList<>();
        List<String> order = List.of("unusable", "weak", "good");
        int[] quota = {6, 7, 7};
        for (int v = 0; v < order.size(); v++) {
            List<Map<String, String>> group = byVerdict.getOrDefault(order.get(v), List.of());
            int take = Math.min(quota[v], group.size());
            for (int i = 0; i < take; i++) {
                sample.add(group.get(i * group.size() / take));
            }
        }
        for (int i = 0; sample.size() < SAMPLE && i < sorted.size(); i += 7) {
            if (!sample.contains(sorted.get(i))) {
                sample.add(sorted.get(i));
            }
        }
        return sample;
    }

    private static List<Map<String, String>> readCorpus() throws Exception {
        List<String> lines = Files.readAllLines(CORPUS);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static Path source(String name) throws Exception {
        for (Path dir : List.of(Path.of("src/test/resources/images"), Path.of("bench/calibration/sources"))) {
            try (var files = Files.list(dir)) {
                var match = files.filter(f -> f.getFileName().toString().matches(Pattern.quote(name) + "\\.(png|jpg)")).findFirst();
                if (match.isPresent()) {
                    return match.get();
                }
            }
        }
        throw new IllegalStateException("no source image " + name);
    }
}
