package fr.relais.core.error;

/** An id given by the user that names nothing in the store: bad input too (exit code 2 on the command line). */
public class NotFoundException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String input, String kind, Object id) {
        super(input, "notFound", kind, String.valueOf(id));
    }
}
