-- A job's options, checked by the database as the API checks them (priority already was): the texture
-- as TextureColumn writes it, the face limit within GenerationOptions' range (MIN_FACE_LIMIT..MAX_FACE_LIMIT).
ALTER TABLE generation_job
    ADD CONSTRAINT generation_job_texture_check CHECK (texture IN ('none', 'standard', 'hd')),
    ADD CONSTRAINT generation_job_face_limit_check CHECK (face_limit BETWEEN 500 AND 200000);
