package app.arv.web.printkit;

import app.arv.printkit.KitLanguage;
import app.arv.printkit.PrintKits;
import app.arv.printkit.PrintSize;
import app.arv.web.json.Flag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

/** {@code ?size=&bleed=&lang=} of both print kits, validated like any other input (a bad size: 400;
 * a bleed other than true or false: 400 {@code invalid_filter}). */
public class KitParameters {

    @QueryParam("size")
    @DefaultValue("A5")
    @Pattern(regexp = PrintSize.NAMES, message = "must be A6, A5, A4 or 10x15")
    String size;

    /** Read by {@link Flag}: as a {@code boolean}, JAX-RS made {@code ?bleed=1} and {@code ?bleed=yes} a kit without bleed. */
    @QueryParam("bleed")
    String bleed;

    /** Overrides Accept-Language; a language ARV has no text in falls back to Accept-Language, then English. */
    @QueryParam("lang")
    @Size(max = 35)
    String lang;

    PrintKits.Options options(HttpHeaders headers) {
        PrintSize printSize = PrintSize.named(size).orElseThrow(() -> new IllegalStateException("size passed validation: " + size));
        return new PrintKits.Options(printSize, Flag.of("bleed", bleed), KitLanguage.choose(lang, headers.getAcceptableLanguages()));
    }
}
