package app.arv.imaging.usdz;

import app.arv.imaging.RefusedImageException;

/** The GLB cannot become a USDZ (not a readable glTF, compressed meshes, no triangles, too large); the reason says why. */
public class RefusedModelException extends RefusedImageException {

    public RefusedModelException(String reason) {
        super(reason);
    }

    public RefusedModelException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
