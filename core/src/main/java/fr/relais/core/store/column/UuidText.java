package fr.relais.core.store.column;

import java.util.UUID;
import org.jooq.impl.AbstractConverter;

/** A UUID as its canonical lower-case text, 36 characters, the form every version of Relais has written. */
public final class UuidText extends AbstractConverter<String, UUID> {
    public UuidText() {
        super(String.class, UUID.class);
    }

    @Override
    public UUID from(String text) {
        return text == null ? null : UUID.fromString(text);
    }

    @Override
    public String to(UUID id) {
        return id == null ? null : id.toString();
    }
}
