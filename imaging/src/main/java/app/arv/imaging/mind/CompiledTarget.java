package app.arv.imaging.mind;

import app.arv.imaging.mind.format.MindTarget;
import app.arv.imaging.mind.quality.QualityReport;

/** One compiled target with the verdict on how well it will work. */
public record CompiledTarget(MindTarget target, QualityReport quality) {
}
