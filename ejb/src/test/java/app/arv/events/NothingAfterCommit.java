package app.arv.events;

/**
 * The service tests' {@link AfterCommit}: the work a service leaves for after the commit (live events, announcements to
 * other nodes) is dropped, as there is no container here whose commit would run it; the HTTP tests check what it does.
 */
public final class NothingAfterCommit extends AfterCommit {

    @Override
    public void run(Runnable work) {
        // Dropped: see the class comment.
    }
}
