package app.arv.persistence.shared;

import jakarta.persistence.EntityManager;

/** The tests' stand-in for the container's {@code @PersistenceContext} on an {@link EntityRepository}. */
public final class Repositories {

    private Repositories() {
    }

    /** The repository, working on {@code em} from now on. */
    public static <R extends EntityRepository<?>> R on(EntityManager em, R repository) {
        repository.em = em;
        return repository;
    }
}
