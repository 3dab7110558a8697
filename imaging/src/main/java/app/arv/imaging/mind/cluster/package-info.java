/**
 * The matching trees of a keyframe: {@link ClusterTreeBuilder} builds mind-ar's hierarchical k-medoids
 * tree over FREAK descriptors (K = 8, 128 random draws, best total Hamming distance wins, leaves of at
 * most 16 points), drawing from the same linear congruential generator seeded with 1234 as the reference,
 * so the trees — and the file — come out identical every time. Uses {@code format}'s node type; used by
 * {@link app.arv.imaging.mind.MindTargetCompiler}.
 */
package app.arv.imaging.mind.cluster;
