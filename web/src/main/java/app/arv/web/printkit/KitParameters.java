package app.arv.web.printkit;

import app.arv.printkit.KitLanguage;
import app.arv.printkit.PrintKits;
import app.arv.printkit.PrintSize;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

/** {@code ?size=&bleed=&lang=} of both print kits, validated like any other input (a bad size: 400). */
public class KitParameters {

    @QueryParam("size")
    @DefaultValue("A5")
    @Pattern(regexp = PrintSize.NAMES, message = "must be A6, A5, A4 or 10x15")
    String size;

    @QueryParam("bleed")
    @DefaultValue("false")
    boolean bleed;

    /** Overrides Accept-Language; a language ARV has no text in falls back to Accept-Language, then English. */
    @QueryParam("lang")
    @Size(max = 35)
    String lang;

    PrintKits.Options options(HttpHeaders headers) {
        PrintSize printSize = PrintSize.named(size).orElseThrow(() -> new IllegalStateException("size passed validation: " + size));
        return new PrintKits.Options(printSize, bleed, KitLanguage.choose(lang, headers.getAcceptableLanguages()));
    }
}
