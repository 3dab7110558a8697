/**
 * The {@code .mind} file (mind-ar 1.2.5, format version 2) as Java records — {@link MindFile},
 * {@link MindTarget}, {@link Keyframe}, {@link FeaturePoint}, {@link ClusterNode}, {@link TrackingImage} —
 * and its msgpack encoding: {@link MindReader} decodes ours and the official compiler's,
 * {@link MindWriter} encodes byte for byte as mind-ar's exporter does (key order, smallest integer types,
 * cluster centres as strings). A file the runtime would reject is a {@link MindFormatException}. The
 * layout is summarised in {@code imaging/README.md}. Depends on msgpack-core only; used by the compiler,
 * the CLI and {@code ejb} (a project's multi-target marker pack merges targets without recompiling).
 */
package app.arv.imaging.mind.format;
