package app.arv;

import app.arv.shared.DomainException;
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
 * What may depend on what in the ejb module's main code, read from its compiled classes (this module's own, not the
 * persistence and imaging classes on the class path): the package-info of each package says it in words, this checks it.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = mainClasses();

    /** The packages that are a feature of the product rather than the installation's or every feature's plumbing. */
    private static final String[] FEATURES = {"app.arv.audit..", "app.arv.dashboard..", "app.arv.generation..",
            "app.arv.identity..", "app.arv.marker..", "app.arv.media..", "app.arv.notification..", "app.arv.organization..",
            "app.arv.printkit..", "app.arv.project..", "app.arv.storage..", "app.arv.webhook.."};

    /** A slice here is a top-level package with its subpackages: {@code platform} holds {@code platform.health}. */
    @Test
    void noFeatureDependsOnAnotherThatDependsBackOnIt() {
        slices().matching("app.arv.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noPackageDependsOnAnotherThatDependsBackOnIt() {
        slices().matching("app.arv.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void nothingHereKnowsTheWebLayer() {
        noClasses().should().dependOnClassesThat().resideInAPackage("app.arv.web..").check(MAIN);
    }

    @Test
    void thePlatformUsesNoFeature() {
        noClasses().that().resideInAPackage("app.arv.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(MAIN);
    }

    @Test
    void liveEventsAndTheOutboundGuardUseNothingOfArvButShared() {
        noClasses().that().resideInAnyPackage("app.arv.events..", "app.arv.outbound..")
                .should().dependOnClassesThat(resideInAPackage("app.arv..")
                        .and(not(resideInAnyPackage("app.arv.events..", "app.arv.outbound..", "app.arv.shared.."))))
                .check(MAIN);
    }

    @Test
    void sharedDependsOnNothingOfArv() {
        noClasses().that().resideInAPackage("app.arv.shared..")
                .should().dependOnClassesThat(resideInAPackage("app.arv..").and(not(resideInAPackage("app.arv.shared.."))))
                .check(MAIN);
    }

    private static JavaClasses mainClasses() {
        try {
            return new ClassFileImporter().importPath(Path.of(DomainException.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
