package app.arv.imaging.segment;

import app.arv.imaging.RefusedImageException;

/** No object could be told apart from the background (uniform picture, object filling the frame, speck of noise). */
public class NoObjectFoundException extends RefusedImageException {

    public NoObjectFoundException(String reason) {
        super(reason);
    }
}
