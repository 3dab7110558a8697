package app.arv.generation.fal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** FAL.AI's queue: submitting a Tripo v2.5 image-to-3D request (MicroProfile Rest Client on {@code arv.fal.base-url}). */
public interface FalQueueApi {

    String MODEL = "tripo3d/tripo/v2.5/image-to-3d";

    @POST
    @Path(MODEL)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response submit(String input);
}
