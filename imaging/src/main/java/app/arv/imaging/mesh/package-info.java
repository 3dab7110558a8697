/**
 * Meshes for the image-to-3D generator: {@link SilhouetteInflater} inflates an object's outline into a
 * closed genus-0 surface (front and mirrored back fans over shared rim vertices, height from the
 * inscribed balls of a {@link DistanceTransform}), {@link QuadricSimplifier} reduces it to the face limit
 * by quadric-error edge collapse without breaking it, {@link VertexNormals} smooths its normals, and
 * {@link MeshTopology} checks the result — watertightness is computed for every model, not assumed.
 * Meshes are flat arrays ({@link TriangleMesh}). Uses {@code segment}'s mask; used by {@code model3d}, and by {@code render} for the normals a GLB lacks.
 */
package app.arv.imaging.mesh;
