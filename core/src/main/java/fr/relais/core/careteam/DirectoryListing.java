package fr.relais.core.careteam;

/**
 * What the cercle de soins reads of a professional found in the national directory, to add them to a patient's team.
 * The directory's entry (core.directory) implements it: the directory describes professionals in the team's terms,
 * and the team does not depend on the directory's cache.
 */
public interface DirectoryListing {
    boolean active();

    String displayName();

    String rpps();

    String familyName();

    String givenName();

    Profession profession();

    String preferredMailbox();
}
