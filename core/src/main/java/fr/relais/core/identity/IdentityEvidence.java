package fr.relais.core.identity;

/** How an identity was obtained: where its traits/INS came from, and the document it was checked against (if any). */
public record IdentityEvidence(InsSource insSource, IdentityDocument document) {
    public static final IdentityEvidence NONE = new IdentityEvidence(InsSource.SM, null);

    public IdentityEvidence {
        insSource = insSource == null ? InsSource.SM : insSource;
    }
}
