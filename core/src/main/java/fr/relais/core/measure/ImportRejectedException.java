package fr.relais.core.measure;

import fr.relais.core.error.DetailedBadInputException;
import fr.relais.core.i18n.Language;
import java.util.List;

/** An import refused as a whole because some rows are bad: nothing was written. */
public class ImportRejectedException extends DetailedBadInputException {
    private static final long serialVersionUID = 1L;
    private final transient List<ImportRowError> rows;

    public ImportRejectedException(String source, List<ImportRowError> rows) {
        super(source, "import.rejected", rows.size());
        this.rows = List.copyOf(rows);
    }

    public List<ImportRowError> rows() {
        return rows;
    }

    @Override
    public List<String> lines(Language language) {
        return rows.stream().map(r -> r.message(language)).toList();
    }
}
