/**
 * The e-mail outbox: an {@link OutboxMail} is one rendered mail waiting to be sent, sent, or given up on
 * ({@link MailStatus}); {@link MailOutboxRepository} adds rows inside the caller's transaction and lets the
 * senders of every node claim due rows without ever taking the same one ({@code FOR UPDATE SKIP LOCKED} and a
 * lease), then settle them with the claim they hold ({@link ClaimedMail}); settled mails are deleted by age under an
 * advisory lock. The rules (when to retry, when to
 * give up, how a mail is rendered and sent) are in {@code app.arv.mail}, the only user. Uses JPA only.
 */
package app.arv.persistence.mail;
