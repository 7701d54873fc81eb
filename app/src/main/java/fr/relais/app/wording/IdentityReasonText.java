package fr.relais.app.wording;

import fr.relais.core.i18n.Localization;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an identity status changed, as the identity-vigilance referent reads it. The store keeps the engine's words
 * (a received record names its server version, "received from Patient/1001/_history/2 (stated VALI, evidence supports
 * PROV)"; evidence reads "source=INSI document=PA"); they are read here into French, without server ids nor codes.
 * What a user typed (the reason of a correction) is shown as typed.
 */
public final class IdentityReasonText {
    private static final Pattern RECEIVED = Pattern.compile("received from \\S+(?: \\(stated (\\w+), evidence supports (\\w+)\\))?");
    private static final String UNCHECKED = "strict traits changed on the server without a new check, ";
    private static final Pattern EVIDENCE = Pattern.compile("source=(\\w+)(?: document=(\\w+))?");
    private static final Pattern WITH_EVIDENCE = Pattern.compile("(.*) \\((source=\\w+(?: document=\\w+)?)\\)", Pattern.DOTALL);
    private static final String CORRECTED = "strict traits corrected: ";
    private static final Pattern MERGED = Pattern.compile("(replaced by|replaces) \\S+ \\(duplicate merged\\): (.*)", Pattern.DOTALL);

    private IdentityReasonText() {
    }

    public static String of(String reason, Localization texts) {
        if (reason == null) {
            return "";
        }
        if (reason.startsWith(UNCHECKED)) {
            return texts.text("identity.reason.uncheckedTraits", of(reason.substring(UNCHECKED.length()), texts));
        }
        Matcher m = RECEIVED.matcher(reason);
        if (m.matches()) {
            return m.group(1) == null ? texts.text("identity.reason.received")
                    : texts.text("identity.reason.receivedStated", status(m.group(1), texts), status(m.group(2), texts));
        }
        m = EVIDENCE.matcher(reason);
        if (m.matches()) {
            return evidence(m, texts);
        }
        m = WITH_EVIDENCE.matcher(reason);
        if (m.matches()) {
            Matcher e = EVIDENCE.matcher(m.group(2));
            return e.matches() ? m.group(1) + " (" + evidence(e, texts) + ")" : reason;
        }
        if (reason.startsWith(CORRECTED)) {
            return texts.text("identity.reason.corrected", reason.substring(CORRECTED.length()));
        }
        m = MERGED.matcher(reason);
        if (m.matches()) {
            return texts.text(m.group(1).equals("replaces") ? "identity.reason.replaces" : "identity.reason.replacedBy", m.group(2));
        }
        return reason;
    }

    private static String evidence(Matcher m, Localization texts) {
        String source = label("insSource." + m.group(1), m.group(1), texts);
        return m.group(2) == null ? texts.text("identity.reason.evidence", source)
                : texts.text("identity.reason.evidenceDocument", source, label("document." + m.group(2), m.group(2), texts));
    }

    /** A status the sender stated, in words; a status Relais has no name for is shown as the sender wrote it. */
    private static String status(String code, Localization texts) {
        try {
            return new fr.relais.core.wording.StatusWords(fr.relais.core.i18n.Language.fromCode(texts.locale().getLanguage())
                    .orElse(fr.relais.core.i18n.Language.FR)).identity(fr.relais.core.identity.IdentityStatus.valueOf(code));
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    private static String label(String key, String code, Localization texts) {
        return texts.has(key) ? texts.text(key) : code;
    }
}
