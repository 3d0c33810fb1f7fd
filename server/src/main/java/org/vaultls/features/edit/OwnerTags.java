package org.vaultls.features.edit;

/**
 * A person's {@code @Owner} tag and back. The tag is the name with spaces and punctuation removed, as
 * the index derives it ("Tomás O'Neil" is {@code TomásONeil}); a tag read back as a name splits at its
 * CamelCase humps and underscores ({@code AdaBerg} is "Ada Berg"), which gives the same tag again.
 */
final class OwnerTags {
    private OwnerTags() {
    }

    static String of(String name) {
        return org.vaultls.index.Person.ownerTagOf(name);
    }

    /** The name an owner tag (without {@code @}) spells: {@code AdaBerg} → "Ada Berg", {@code JRRTolkien} → "JRR Tolkien". */
    static String toName(String tag) {
        StringBuilder sb = new StringBuilder();
        int[] cps = tag.replace('_', ' ').codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (i > 0 && Character.isUpperCase(cp) && cps[i - 1] != ' ') {
                int prev = cps[i - 1];
                boolean afterLower = Character.isLowerCase(prev) || Character.isDigit(prev);
                boolean endsAcronym = Character.isUpperCase(prev) && i + 1 < cps.length && Character.isLowerCase(cps[i + 1]);
                if (afterLower || endsAcronym) {
                    sb.append(' ');
                }
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString().replaceAll(" +", " ").strip();
    }
}
