package app.arv.persistence;

import app.arv.persistence.shared.InstallationKeys;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * What may depend on what in the persistence module's main code, read from its compiled classes: the package-info of
 * each package says it in words, this checks it.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = mainClasses();

    @Test
    void noPackageDependsOnAnotherThatDependsBackOnIt() {
        slices().matching("app.arv.persistence.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void nothingHereKnowsTheLayersAboveOnlyTheGeneratorsOptions() {
        noClasses().should().dependOnClassesThat(arvBut("app.arv.persistence..", "app.arv.imaging.model3d")).check(MAIN);
    }

    @Test
    void sharedUsesNoOtherPackageOfPersistence() {
        noClasses().that().resideInAPackage("app.arv.persistence.shared")
                .should().dependOnClassesThat(arvBut("app.arv.persistence.shared"))
                .check(MAIN);
    }

    /** A class of ARV's outside these packages. */
    private static DescribedPredicate<JavaClass> arvBut(String... packages) {
        return resideInAPackage("app.arv..").and(not(resideInAnyPackage(packages)));
    }

    private static JavaClasses mainClasses() {
        try {
            return new ClassFileImporter().importPath(Path.of(InstallationKeys.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
