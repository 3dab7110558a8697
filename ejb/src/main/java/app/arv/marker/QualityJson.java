package app.arv.marker;

import app.arv.imaging.mind.quality.Finding;
import app.arv.imaging.mind.quality.QualityReport;
import app.arv.imaging.mind.quality.ScaleFeatures;
import app.arv.shared.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.StringReader;

/** The compiler's quality report as the snake_case JSON ARV stores and answers. */
public final class QualityJson {

    private QualityJson() {
    }

    public static JsonObject of(QualityReport report) {
        JsonArrayBuilder reasons = Jsonp.createArrayBuilder();
        report.reasons().forEach(reasons::add);
        // The same findings as codes with their figures, for a reader who says them in another language (the console).
        JsonArrayBuilder findings = Jsonp.createArrayBuilder();
        for (Finding finding : report.findings()) {
            JsonObjectBuilder values = Jsonp.createObjectBuilder();
            finding.values().forEach(values::add);
            findings.add(Jsonp.createObjectBuilder().add("code", finding.kind().code()).add("values", values));
        }
        JsonArrayBuilder scales = Jsonp.createArrayBuilder();
        for (ScaleFeatures s : report.scales()) {
            scales.add(Jsonp.createObjectBuilder().add("scale", s.scale()).add("width", s.width()).add("height", s.height())
                    .add("maxima", s.maxima()).add("minima", s.minima()));
        }
        JsonArrayBuilder tracking = Jsonp.createArrayBuilder();
        report.trackingPoints().forEach(tracking::add);
        return Jsonp.createObjectBuilder()
                .add("predicted_detection", Math.round(report.predictedDetection() * 1000) / 1000.0)
                .add("score", report.score())
                .add("verdict", report.verdict().label())
                .add("reasons", reasons)
                .add("findings", findings)
                .add("width", report.width())
                .add("height", report.height())
                .add("total_features", report.totalFeatures())
                .add("coverage", report.coverage())
                .add("largest_cell_share", report.largestCellShare())
                .add("tracking_points", tracking)
                .add("scales", scales)
                .add("min_print_width_cm", report.minPrintWidthCm())
                .add("spread", Math.round(report.features().spread() * 1000) / 1000.0)
                .add("duplicate_share", Math.round(report.features().duplicateShare() * 1000) / 1000.0)
                .add("contrast", Math.round(report.features().contrast() * 10) / 10.0)
                .add("flat_share", Math.round(report.features().flatShare() * 1000) / 1000.0)
                .build();
    }

    public static JsonObject parse(String json) {
        try (var reader = Jsonp.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
