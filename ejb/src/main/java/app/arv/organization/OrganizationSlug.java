package app.arv.organization;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A slug for an organization nobody chose one for (self-service sign-up): the name's Latin letters and digits, lower
 * case, words joined by hyphens, at most {@value #MAX_BASE} characters ({@code org} when nothing is left, as for a
 * Cyrillic name), and a random suffix of {@value #SUFFIX} characters, so two organizations of one name get two slugs.
 */
final class OrganizationSlug {

    static final int MAX_BASE = 40;
    static final int SUFFIX = 6;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final RandomGenerator RANDOM = new SecureRandom();

    private OrganizationSlug() {
    }

    static String from(String name) {
        return from(name, RANDOM);
    }

    static String from(String name, RandomGenerator random) {
        String latin = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String base = latin.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > MAX_BASE) {
            base = base.substring(0, MAX_BASE).replaceAll("-+$", "");
        }
        StringBuilder slug = new StringBuilder(base.isEmpty() ? "org" : base).append('-');
        for (int i = 0; i < SUFFIX; i++) {
            slug.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return slug.toString();
    }
}
