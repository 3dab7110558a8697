-- The owner kinds are a closed set now (app.arv.persistence.media.OwnerKind): a kind the code does
-- not know could never be released, so the database refuses it. Same names as before, no data change.
ALTER TABLE media_attachment DROP CONSTRAINT IF EXISTS media_attachment_entity_kind_check;
ALTER TABLE media_attachment ADD CONSTRAINT media_attachment_entity_kind_check
    CHECK (entity_kind IN ('UPLOAD', 'MEDIA', 'AR_CONTENT', 'PROJECT', 'GENERATION_ITEM'));
