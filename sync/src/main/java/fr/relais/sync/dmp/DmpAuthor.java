package fr.relais.sync.dmp;

/** The professional who files the document: their name and RPPS number (the DMP names every document's author). */
public record DmpAuthor(String name, String rpps) {
}
