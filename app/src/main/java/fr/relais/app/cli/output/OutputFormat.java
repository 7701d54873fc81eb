package fr.relais.app.cli.output;

/** How listing commands print: aligned columns for people, JSON or CSV for scripts. */
public enum OutputFormat {
    TABLE, JSON, CSV
}
