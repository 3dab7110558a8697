package app.arv.web.it;

/**
 * When a concurrent class starts ({@code @Order}; classes without one come after every class with one). Of the three
 * places for classes, one takes the classes from the front of this order and, once ConsoleJourneysIT is over, a second
 * one too; the third takes them from the back. So the long classes come first: they then run beside the others, and
 * the short ones fill the end of the concurrent part, instead of one long class started last running alone while every
 * other place stands empty (GenerationIT, about 50 s, did). The {@code @Isolated} classes run after all of these in an
 * order of their own.
 */
final class SuiteOrder {

    /** ConsoleJourneysIT, by far the longest. */
    static final int FIRST = 0;

    /**
     * The classes that use FAL ({@link FalFaultsIT#BREAKERS}): one after the other at the front, so that none waits for
     * another's lock while a place stands idle.
     */
    static final int FAL = 1;

    /** Classes of about half a minute or more. */
    static final int LONG = 2;

    private SuiteOrder() {
    }
}
