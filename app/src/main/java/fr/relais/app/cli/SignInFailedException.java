package fr.relais.app.cli;

/**
 * A sign-in that an outside party refused or could not give (Pro Santé Connect: approval refused, not given in time,
 * service unreachable): not bad input, exit 1, with the sentence the professional reads.
 */
final class SignInFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SignInFailedException(String sentence) {
        super(sentence);
    }
}
