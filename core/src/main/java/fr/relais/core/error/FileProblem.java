package fr.relais.core.error;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * A file given to Relais that cannot be read, said in the user's words: missing, not allowed, not UTF-8, or unreadable.
 * The I/O exception's own text (English, a class name) goes to the log, not to the user.
 */
public final class FileProblem {
    private FileProblem() {
    }

    public static BadInputException unreadable(String file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new BadInputException(file, "file.notFound");
        }
        if (e instanceof AccessDeniedException) {
            return new BadInputException(file, "file.denied");
        }
        if (e instanceof CharacterCodingException) {
            return new BadInputException(file, "file.encoding");
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null && fs.getReason().contains("directory")) {
            return new BadInputException(file, "file.folder");
        }
        return new BadInputException(file, "file.unreadable");
    }
}
