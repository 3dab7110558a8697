package app.arv.launcher;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShownUrlTest {

    @Test
    void aShownUrlKeepsItsUserAndHostButNotItsPassword() {
        assertEquals("redis://:***@cache.example:6379", ShownUrl.of("redis://:s3cret@cache.example:6379"));
        assertEquals("tcp://app:***@broker:61616", ShownUrl.of("tcp://app:s3cret@broker:61616"));
        assertEquals("jdbc:postgresql://db/arv?user=arv&password=***&ssl=true",
                ShownUrl.of("jdbc:postgresql://db/arv?user=arv&password=s3cret&ssl=true"));
        assertEquals("redis://127.0.0.1:6379", ShownUrl.of("redis://127.0.0.1:6379"));
    }
}
