package fr.relais.app.cli;

import fr.relais.core.RelaisCore;

/**
 * What a command uses, taken from the open store by the command line's composition ({@link CommandWiring}): the
 * command receives {@code N} (one service, or a record of the few it uses), never the whole graph.
 */
@FunctionalInterface
interface Wiring<N> {
    N from(RelaisCore core);
}
