package app.arv.persistence.generation;

import app.arv.imaging.model3d.TextureQuality;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A texture quality as the {@code texture} column holds it: the API's name ({@code none}, {@code standard}, {@code hd}). */
@Converter
public class TextureColumn implements AttributeConverter<TextureQuality, String> {

    @Override
    public String convertToDatabaseColumn(TextureQuality texture) {
        return texture == null ? null : texture.apiName();
    }

    @Override
    public TextureQuality convertToEntityAttribute(String column) {
        return column == null ? null : TextureQuality.of(column);
    }
}
