package app.arv.imaging.mind;

import app.arv.imaging.TestImages;
import app.arv.imaging.input.ImageLoader;
import app.arv.imaging.mind.quality.CalibrationCorpus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrintSuggesterTest {

    private final MindTargetCompiler compiler = new MindTargetCompiler();

    @Test
    void aDullPhotosSuggestedPrintIsPredictedToBeFoundMoreOften() throws Exception {
        byte[] dull = CalibrationCorpus.png(CalibrationCorpus.contrast(TestImages.grey("coffee"), 0.1));
        double before = compiler.analyze(new ImageLoader().load(dull)).quality().predictedDetection();

        PrintSuggester.Suggestion suggestion = new PrintSuggester(compiler).suggest(dull);

        assertThat(suggestion.report().predictedDetection()).isGreaterThan(before);
        assertThat(new ImageLoader().load(suggestion.png()).width()).isEqualTo(suggestion.width()).isEqualTo(600);
    }
}
