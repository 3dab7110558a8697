/**
 * E-mail, the transactional-outbox way.
 *
 * <h2>Queueing</h2>
 * A feature calls {@link app.arv.mail.Mails#queue} inside the transaction of the event that causes the mail (an
 * invitation, a reset request, a notification). The mail is rendered there ({@link app.arv.mail.MailTemplates}:
 * FreeMarker, plain text and HTML, English or Russian — the recipient's language) and stored as a row of the
 * outbox ({@code app.arv.persistence.mail}). Rolled back, the event leaves no mail; committed, the mail will be
 * sent — even if the SMTP server is down right now.
 *
 * <h2>Sending</h2>
 * Every node runs a {@link app.arv.mail.MailWorker}: it claims due rows ({@code FOR UPDATE SKIP LOCKED}, so nodes
 * never take the same row, and with a lease of {@code arv.mail.lease}, so a node killed mid-send loses none — the
 * row is due again once the lease passes), sends each with {@link app.arv.mail.SmtpSender} outside any
 * transaction, and records the outcome ({@link app.arv.mail.OutboxDelivery}): sent; or due again after an
 * exponential back-off ({@link app.arv.mail.DeliveryPolicy}, {@code app.arv.shared.Backoff}); or, after
 * {@code arv.mail.max-attempts} attempts or a permanent refusal, dead with its last error, until an admin resends it
 * ({@link app.arv.mail.DeadMails}).
 *
 * <h2>Exactly once, and the window where it is at least once</h2>
 * Claims make two nodes never send one mail at the same time. One window remains: the SMTP server has accepted
 * the mail and the node dies (or loses the database) before it records "sent"; after the lease another node sends
 * it again. That second copy carries the same Message-ID ({@code <outbox id@sender's domain>}), so receivers and
 * mail clients that deduplicate by Message-ID show it once.
 *
 * <h2>Keeping</h2>
 * Sent and dead mails are deleted {@code arv.mail.retention} after they were queued ({@link app.arv.mail.MailRetention},
 * one node per round): their bodies may carry links with tokens. {@link app.arv.mail.TestMails} is the first mail
 * of ARV: an org admin's test mail to their own address.
 *
 * <p>Uses persistence's outbox repository, {@code app.arv.platform} (node name, timers) and {@code app.arv.shared};
 * Jakarta Mail is the server's. Features use only {@code Mails}, {@code MailRequest} and {@code MailKind}.
 */
package app.arv.mail;
