package fr.relais.core.session;

import fr.relais.core.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A secret given as a file (passphrases, account passwords for scripts): its first line, without the line end. Files
 * keep secrets out of the command line and the shell history; refusals name the file, never its content.
 */
public final class SecretFile {
    private SecretFile() {
    }

    public static char[] firstLine(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
            if (line.isEmpty()) {
                throw new BadInputException(file.toString(), "store.passphraseFile.empty", file);
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "store.passphraseFile.unreadable", file, e.getMessage());
        }
    }
}
