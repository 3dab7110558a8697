package app.arv.imaging;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * What may depend on what in the imaging module's main code, read from its compiled classes: the package-info of each
 * package says it in words, this checks it.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = mainClasses();

    @Test
    void noPartDependsOnAnotherThatDependsBackOnIt() {
        slices().matching("app.arv.imaging.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noPackageDependsOnAnotherThatDependsBackOnIt() {
        slices().matching("app.arv.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void nothingHereKnowsTheRestOfArv() {
        noClasses().should().dependOnClassesThat(resideInAPackage("app.arv..").and(not(resideInAPackage("app.arv.imaging.."))))
                .check(MAIN);
    }

    @Test
    void rastersAreTheBottom() {
        noClasses().that().resideInAPackage("app.arv.imaging.raster")
                .should().dependOnClassesThat(resideInAPackage("app.arv..").and(not(resideInAPackage("app.arv.imaging.raster"))))
                .check(MAIN);
    }

    private static JavaClasses mainClasses() {
        try {
            return new ClassFileImporter().importPath(Path.of(RefusedImageException.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
