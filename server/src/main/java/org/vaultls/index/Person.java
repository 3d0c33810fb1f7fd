package org.vaultls.index;

import java.util.List;

/**
 * A person of the vault: a note whose frontmatter {@code type} or tags mark it as one (configurable).
 *
 * @param ownerTags the {@code @Owner} tags that name this person, without {@code @}: the title with
 *     spaces and punctuation removed ("Manish Sah" is {@code ManishSah}), then one per alias
 * @param role from frontmatter {@code role}, else the contact table's Role row; null when unknown
 * @param company likewise from {@code company} or the Company row
 * @param lastContact frontmatter {@code last_contact}, or null
 * @param keyFacts the items of the list under the key facts heading
 */
public record Person(String path, String title, List<String> ownerTags, String role, String company,
                     String lastContact, List<String> keyFacts) {
    public Person {
        ownerTags = List.copyOf(ownerTags);
        keyFacts = List.copyOf(keyFacts);
    }

    /** The owner tag (without {@code @}) a name gives: spaces and punctuation removed, "Tomás O'Neil" is {@code TomásONeil}. */
    public static String ownerTagOf(String name) {
        return People.ownerTagOf(name);
    }

    /** The first owner tag, with its {@code @}. */
    public String ownerTag() {
        return "@" + ownerTags.get(0);
    }
}
