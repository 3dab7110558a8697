/**
 * How the API reads and writes JSON: {@link JsonbConfiguration} (snake_case, null fields visible, unknown members
 * refused, strings through {@link PlainText}, which refuses control characters and unpaired surrogates at the edge,
 * booleans through {@link StrictBoolean} and whole numbers through {@link WholeNumber}, each refusal an
 * {@link InputRefused} the problem mappers answer naming the member),
 * {@link JsonBody} (a JSON body is at most 1 MiB of valid UTF-8; it tells a {@link MergePatch} which members it named, so
 * that a PATCH body tells an absent member from a null one), and the listings' {@link Paging} input
 * (whole numbers within bounds, read as text by {@link WholeNumberParam}) and {@link PageView} output; {@link SnakeCaseEnum} writes any enum by its snake_case name and reads it in any case,
 * bound per property, and {@link SnakeCaseOf} checks request text against an enum's names; {@link PlainTextParam} holds query
 * parameters to the same plain-text rule as JSON strings. {@link FirstJsonResolution}
 * resolves the JSON-B context once, alone, before the first request (Payara's resolver is not safe on concurrent first use). Used by the resources; uses {@code shared} and persistence's paging types.
 */
package app.arv.web.json;
