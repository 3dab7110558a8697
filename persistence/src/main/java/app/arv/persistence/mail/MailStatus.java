package app.arv.persistence.mail;

/** Where an outbox mail is: waiting (or being sent under a lease), sent, or given up after its last attempt. */
public enum MailStatus {
    QUEUED, SENT, DEAD
}
