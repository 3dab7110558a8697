package app.arv.web.storage;

import app.arv.persistence.storage.StorageConnection;
import jakarta.persistence.Column;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A storage connection's request fields are held to the lengths of the columns that keep them: a shorter limit refuses
 * what the column holds (a directory of 450 characters was refused at 400), a longer one lets through what the insert
 * then fails on. The secret is kept encrypted, longer ({@code secret_ciphertext}), so it has no column of its own name.
 */
class ConnectionSettingsLengthsTest {

    @Test
    void everyFieldKeptInAColumnOfItsNameIsHeldToThatColumnsLength() throws NoSuchFieldException {
        List<Field> fields = new ArrayList<>(List.of(StorageConnectionResource.ConnectionSettings.class.getDeclaredFields()));
        fields.add(StorageConnectionResource.NewConnection.class.getDeclaredField("name"));
        fields.add(StorageConnectionResource.ConnectionChange.class.getDeclaredField("name"));
        List<String> compared = new ArrayList<>();

        for (Field field : fields) {
            Field kept;
            try {
                kept = StorageConnection.class.getDeclaredField(field.getName());
            } catch (NoSuchFieldException e) {
                continue;
            }
            assertThat(field.getAnnotation(Size.class).max()).as(field.getDeclaringClass().getSimpleName() + "." + field.getName())
                    .isEqualTo(kept.getAnnotation(Column.class).length());
            compared.add(field.getName());
        }

        assertThat(compared).contains("name", "directory", "endpoint", "region", "bucket", "accessKey", "basePath");
    }
}
