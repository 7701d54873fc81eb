package fr.relais.core.error;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import java.util.List;

/** A definition file (template, questionnaire) refused with every problem found, not only the first, each naming its path. */
public class InvalidDefinitionException extends DetailedBadInputException {
    private static final long serialVersionUID = 1L;
    private final transient List<DefinitionError> errors;

    public InvalidDefinitionException(String source, List<DefinitionError> errors) {
        this(source, "template.invalid", errors);
    }

    /** For other definition files checked the same way (questionnaires): {@code key} says what was refused. */
    public InvalidDefinitionException(String source, String key, List<DefinitionError> errors) {
        super(source, key, errors.size());
        this.errors = List.copyOf(errors);
    }

    public List<DefinitionError> errors() {
        return errors;
    }

    /** One line per problem, its place said in words: {@code étape 4, décalage (« offset ») : la durée « P-5D » est négative}. */
    @Override
    public List<String> lines(Language language) {
        Localization texts = Localization.of(BUNDLE, language);
        return errors.stream().map(e -> texts.text("definition.line", DefinitionPath.words(e.path(), texts),
                texts.text(e.key(), e.args().toArray()))).toList();
    }
}
