package app.arv.web;

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
 * What may depend on what in the web module's main code, read from its compiled classes (this module's own, not the
 * ejb classes on the class path): the package-info of each package says it in words, this checks it.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = mainClasses();

    @Test
    void noPackageDependsOnAnotherThatDependsBackOnIt() {
        slices().matching("app.arv.web.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theApplicationPackageIsInNoCycleEither() {
        slices().matching("app.arv.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theRequestContextAndTheLogsAreTheBottomOfTheWebLayer() {
        noClasses().that().resideInAPackage("app.arv.web.logging..")
                .should().dependOnClassesThat(resideInAPackage("app.arv.web..").and(not(resideInAPackage("app.arv.web.logging.."))))
                .check(MAIN);
    }

    @Test
    void authenticationKnowsNeitherTheRateLimitsNorTheRequestFilters() {
        noClasses().that().resideInAPackage("app.arv.web.security..")
                .should().dependOnClassesThat().resideInAnyPackage("app.arv.web.protection..", "app.arv.web.request..")
                .check(MAIN);
    }

    @Test
    void theWebLayerUsesTheGeneratorsServicesNotItsWorkersInternals() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("app.arv.generation.GenerationSteps")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("app.arv.generation.GenerationWorker")
                .check(MAIN);
    }

    private static JavaClasses mainClasses() {
        try {
            return new ClassFileImporter().importPath(Path.of(Links.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
