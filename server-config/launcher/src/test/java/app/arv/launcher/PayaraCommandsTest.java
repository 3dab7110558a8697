package app.arv.launcher;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayaraCommandsTest {

    private static final DatabaseTarget DATABASE = new DatabaseTarget("jdbc:postgresql://db.example:6543/arv?sslmode=require", "arv", "p:a=ss\\word");

    @Test
    void escapesPropertyValuesForPayaraMicro() {
        String commands = new PayaraCommands(DATABASE, BrokerTarget.of("tcp://127.0.0.1:61616", null, null))
                .render(PayaraCommands.Reader.PAYARA_MICRO);

        assertTrue(commands.contains("--property serverName=db.example:portNumber=6543:databaseName=arv:user=arv:"
                + "password=p\\:a\\=ss\\\\word:connectTimeout=3:loginTimeout=3:socketTimeout=130:ApplicationName=arv:sslmode=require arv-pool"),
                commands);
        assertTrue(commands.contains("create-resource-adapter-config --property "
                + "ConnectionParameters=host\\=127.0.0.1;port\\=61616:ConsumerWindowSize=0 artemis-rar"), commands);
        assertFalse(commands.contains("@DATABASE_PROPERTIES@") || commands.contains("@ARTEMIS_ADAPTER_PROPERTIES@"),
                "every placeholder is replaced");
    }

    @Test
    void asadminGetsOneMoreLevelOfBackslashes() {
        String commands = new PayaraCommands(DATABASE, BrokerTarget.of("tcp://127.0.0.1:61616", null, null))
                .render(PayaraCommands.Reader.ASADMIN);

        assertTrue(commands.contains("ConnectionParameters=host\\\\=127.0.0.1;port\\\\=61616:ConsumerWindowSize=0 artemis-rar"), commands);
    }

    @Test
    void brokerCredentialsComeFromTheUrlOrTheEnvironment() {
        BrokerTarget fromUrl = BrokerTarget.of("tcp://app:secret@broker:61617", "ignored", "ignored");
        assertEquals("app", fromUrl.user());
        assertEquals("secret", fromUrl.password());
        assertEquals("broker", fromUrl.host());
        assertEquals(61617, fromUrl.port());

        BrokerTarget fromEnvironment = BrokerTarget.of("tcp://broker:61617", "env-user", "env-secret");
        assertEquals("env-user", fromEnvironment.user());

        String commands = new PayaraCommands(DATABASE, fromUrl).render(PayaraCommands.Reader.PAYARA_MICRO);
        assertTrue(commands.contains("ConnectionParameters=host\\=broker;port\\=61617:UserName=app:Password=secret:ConsumerWindowSize=0 artemis-rar"),
                commands);
    }

    @Test
    void aShorterTransactionTimeoutIsSetAfterTheTemplatesOwnSoItHolds() {
        PayaraCommands plain = new PayaraCommands(DATABASE, BrokerTarget.of("tcp://127.0.0.1:61616", null, null));
        String commands = plain.withTransactionTimeout(Duration.ofSeconds(30)).render(PayaraCommands.Reader.PAYARA_MICRO);

        String setting = "set configs.config.server-config.transaction-service.timeout-in-seconds=";
        assertEquals(commands.indexOf(setting + "120"), plain.render(PayaraCommands.Reader.PAYARA_MICRO).indexOf(setting + "120"));
        assertTrue(commands.lastIndexOf(setting + "30\n") > commands.indexOf(setting + "120"), commands);
    }

    @Test
    void rejectsAddressesItCannotUse() {
        assertThrows(IllegalArgumentException.class, () -> new DatabaseTarget("postgres://h:1/db", "u", "p"));
        assertThrows(IllegalArgumentException.class, () -> BrokerTarget.of("tcp://no-port", null, null));
        DatabaseTarget spaced = new DatabaseTarget("jdbc:postgresql://h:1/db", "u", "with space");
        assertThrows(IllegalArgumentException.class, () -> new PayaraCommands(spaced,
                BrokerTarget.of("tcp://h:2", null, null)).render(PayaraCommands.Reader.PAYARA_MICRO));
    }

    @Test
    void leavesOutEmptyCredentials() {
        DatabaseTarget trust = new DatabaseTarget("jdbc:postgresql://h:1/db", null, "");
        assertFalse(trust.dataSourceProperties().containsKey("user"));
        assertFalse(trust.dataSourceProperties().containsKey("password"));
    }
}
