package app.arv.marker;

import app.arv.imaging.mind.quality.QualityReport;
import app.arv.imaging.mind.quality.ScaleFeatures;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.io.StringReader;

/** The compiler's quality report as the snake_case JSON ARV stores and answers. */
public final class QualityJson {

    private QualityJson() {
    }

    public static JsonObject of(QualityReport report) {
        JsonArrayBuilder reasons = Json.createArrayBuilder();
        report.reasons().forEach(reasons::add);
        JsonArrayBuilder scales = Json.createArrayBuilder();
        for (ScaleFeatures s : report.scales()) {
            scales.add(Json.createObjectBuilder().add("scale", s.scale()).add("width", s.width()).add("height", s.height())
                    .add("maxima", s.maxima()).add("minima", s.minima()));
        }
        JsonArrayBuilder tracking = Json.createArrayBuilder();
        report.trackingPoints().forEach(tracking::add);
        return Json.createObjectBuilder()
                .add("score", report.score())
                .add("verdict", report.verdict().label())
                .add("reasons", reasons)
                .add("width", report.width())
                .add("height", report.height())
                .add("total_features", report.totalFeatures())
                .add("coverage", report.coverage())
                .add("largest_cell_share", report.largestCellShare())
                .add("tracking_points", tracking)
                .add("scales", scales)
                .build();
    }

    public static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
