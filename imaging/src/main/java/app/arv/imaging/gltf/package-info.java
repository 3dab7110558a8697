/**
 * Binary glTF 2.0 output: {@link GlbWriter} writes the one fixed layout the image-to-3D generator needs
 * (one buffer, a front and a back primitive over shared vertices, one embedded JPEG texture). Our own
 * writer rather than a library, to keep a dependency tree out of the server's class path; the Khronos
 * validator test checks every model it makes. Depends on nothing of ARV; used by {@code model3d}.
 */
package app.arv.imaging.gltf;
