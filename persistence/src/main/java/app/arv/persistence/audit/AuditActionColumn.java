package app.arv.persistence.audit;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** An action as the {@code action} column holds it: its wire name ({@code sign_in.failed}), readable in SQL too. */
@Converter
public class AuditActionColumn implements AttributeConverter<AuditAction, String> {

    @Override
    public String convertToDatabaseColumn(AuditAction action) {
        return action == null ? null : action.wireName();
    }

    @Override
    public AuditAction convertToEntityAttribute(String column) {
        return column == null
                ? null
                : AuditAction.named(column).orElseThrow(() -> new IllegalStateException("Unknown audit action " + column));
    }
}
