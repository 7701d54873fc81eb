package fr.relais.core.pathway;

/** Where a stored template came from: shipped with Relais, or imported by an administrator. */
public enum TemplateOrigin {
    BUILTIN, IMPORTED
}
