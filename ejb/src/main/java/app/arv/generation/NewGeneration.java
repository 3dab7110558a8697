package app.arv.generation;

import java.util.UUID;

/**
 * What a client asks for; {@code null} means the default.
 *
 * @param texture {@code none}, {@code standard} or {@code hd}
 * @param priority {@code high}, {@code normal} or {@code low}
 */
public record NewGeneration(Integer faceLimit, String texture, String provider, String priority, UUID projectId) {
}
