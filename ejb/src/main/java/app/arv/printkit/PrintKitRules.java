package app.arv.printkit;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How large a project's print kit may be (where printed links point is {@code app.arv.platform.PublicAddress}).
 *
 * @param maxPages a kit is built before it is sent (so a refusal is still a problem): this bounds its time and temporary file
 */
@Dependent
public record PrintKitRules(@ConfigProperty(name = "arv.print-kit.max-pages", defaultValue = "100") int maxPages) {

    @Inject
    public PrintKitRules {
    }
}
