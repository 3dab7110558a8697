/**
 * The points the MindAR tracker follows once a target is found: {@link TrackingPointExtractor} picks
 * strong, distinctive 13x13 templates on the 256- and 128-px tracking images as mind-ar 1.2.5 does
 * (gradient maxima, lowest best NCC within 10 px, greedy with an exclusion zone). A target without any
 * is one the runtime cannot hold, hence {@code unusable}. Uses {@code raster} and {@code format}.
 */
package app.arv.imaging.mind.track;
