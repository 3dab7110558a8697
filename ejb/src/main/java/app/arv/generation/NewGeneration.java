package app.arv.generation;

import app.arv.imaging.model3d.TextureQuality;
import app.arv.persistence.generation.GenerationPriority;

import java.util.UUID;

/**
 * What a client asks for, parsed at the edge; {@code null} means the default.
 *
 * @param faceLimit within {@link app.arv.imaging.model3d.GenerationOptions}' range
 */
public record NewGeneration(Integer faceLimit, TextureQuality texture, String provider, GenerationPriority priority, UUID projectId) {
}
