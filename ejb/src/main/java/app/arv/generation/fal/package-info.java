/**
 * The paid FAL.AI provider ({@link FalModelProvider}, Tripo v2.5 image-to-3D through FAL's queue API):
 * submit the image, poll the status into progress, download the GLB and preview into ARV's storage
 * (FAL's URLs expire). {@link FalClient} speaks HTTP with the JDK's client and retries transport errors and
 * 429/5xx with pauses and a circuit breaker (MicroProfile Fault Tolerance; {@link FalCircuits} reads the
 * breakers' state for operators), never other 4xx ({@link FalRejectedException}), and never a submission that
 * may have reached FAL ({@link FalAnswerLostException}). A generation costs money, so once FAL has accepted a
 * request nothing submits it again: the request is recorded on the item and a redelivered message resumes it;
 * a failure fails the item and retrying is the client's choice. The key goes only to FAL's own host. Nothing of ARV names this package: {@code app.arv.generation} finds the provider among its
 * {@code ModelProvider} beans and asks it through that interface whether its work is paid (the quota check) and how its
 * breakers stand (the admin view); it uses nothing of ARV but that package.
 */
package app.arv.generation.fal;
