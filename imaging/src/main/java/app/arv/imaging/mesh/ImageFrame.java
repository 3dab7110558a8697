package app.arv.imaging.mesh;

/**
 * How model space relates to the working image: model x = (imageX - centreX) / pixelsPerUnit, model y =
 * (centreY - imageY) / pixelsPerUnit (glTF is y-up, images are y-down). The object's longer side is one unit.
 */
public record ImageFrame(double centreX, double centreY, double pixelsPerUnit) {

    public double imageX(double modelX) {
        return centreX + modelX * pixelsPerUnit;
    }

    public double imageY(double modelY) {
        return centreY - modelY * pixelsPerUnit;
    }
}
