package app.arv.marker.batch;

import java.io.Serial;

/**
 * An item's portrait can never be read again (it left the media library, or the store lost its object): the item fails
 * with this reason. Checked on purpose: thrown through {@link MarkerQueue} (an EJB) it is an application exception, which
 * leaves the chunk's transaction alone, so the failure is recorded and the partition goes on; an unchecked one would
 * roll the chunk back, the failure with it, and fail the whole partition on this one item.
 */
public class PortraitGone extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    public PortraitGone(String reason) {
        super(reason);
    }
}
