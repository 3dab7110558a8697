/**
 * Imaging: ARV's pure-Java image work — the MindAR target compiler ({@code mind}), image decoding
 * ({@code input}), the offline image-to-3D generator ({@code model3d} with {@code segment}, {@code mesh},
 * {@code gltf}) and the command-line tool ({@code cli}). Plain Java 17 without any Jakarta EE API, so the
 * compiler runs the same inside the application server, in the CLI and in unit tests; besides the JDK it
 * uses only msgpack-core and the TwelveMonkeys ImageIO plugins. The {@code ejb} module uses it (media,
 * markers, generation); nothing here knows of ARV's other modules.
 *
 * <p>This package holds what all of it shares: {@link RefusedImageException}, the checked verdict that an
 * image cannot be used, with a reason meant for the user.
 */
package app.arv.imaging;
