package fr.relais.app.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h/--help} alone, for the commands whose own {@code --version} names a pathway template's version: picocli's
 * standard help options also declare {@code --version}, and with two options of that name it drops them, help
 * included, so "relais enroll --help" reported the missing required options instead of printing the help.
 */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "mixinStandardHelpOptions.help")
    boolean help;
}
