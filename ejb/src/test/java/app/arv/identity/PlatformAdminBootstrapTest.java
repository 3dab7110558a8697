package app.arv.identity;

import app.arv.ServiceBeans;
import app.arv.TestTransactions;
import app.arv.persistence.Database;
import app.arv.security.PasswordHasher;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** The first platform admin of a fresh installation, on real PostgreSQL: two nodes starting at once create one. */
class PlatformAdminBootstrapTest {

    private static final Logger LOG = Logger.getLogger(PlatformAdminBootstrap.class.getName());

    private final String email = "admin-" + UUID.randomUUID() + "@arv.example";
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler logHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void aFreshInstallation() {
        // The database is shared by the tests of this run: those that made platform admins have their admins demoted.
        Database.inTransaction(em -> em.createQuery("UPDATE User u SET u.platformAdmin = FALSE WHERE u.platformAdmin = TRUE")
                .executeUpdate());
        LOG.addHandler(logHandler);
    }

    @AfterEach
    void stopListening() {
        LOG.removeHandler(logHandler);
    }

    @Test
    void ofTwoNodesStartingAtOnceOneCreatesThePlatformAdminAndTheOtherFindsIt() throws Exception {
        TestTransactions firstNode = new TestTransactions();
        TestTransactions secondNode = new TestTransactions();

        Database.whileTheFirstIsOpen(em -> start(em, firstNode), () -> {
            Database.inTransaction(em -> start(em, secondNode));
            secondNode.ended(true);
        }).get(30, TimeUnit.SECONDS);
        firstNode.ended(true);

        Database.inTransaction(em -> assertThat(em.createQuery("SELECT COUNT(u) FROM User u WHERE u.platformAdmin = TRUE", Long.class)
                .getSingleResult()).isEqualTo(1));
        assertThat(logged).as("what the nodes logged").singleElement().asString().contains("generated password");
    }

    private void start(EntityManager em, TestTransactions transactions) {
        transactions.began();
        PlatformAdminBootstrap bootstrap = new ServiceBeans(em).with(PasswordHasher.class, new PasswordHasher(4))
                .with(TransactionSynchronizationRegistry.class, transactions).get(PlatformAdminBootstrap.class);
        bootstrap.email = email;
        bootstrap.password = Optional.empty();
        bootstrap.ensurePlatformAdmin();
    }
}
