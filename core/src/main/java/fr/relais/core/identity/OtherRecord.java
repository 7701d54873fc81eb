package fr.relais.core.identity;


/**
 * Another patient record named as a person reads it when a message points at it (an INS already taken, a possible
 * duplicate): birth name and given names, birth date (dd/MM/yyyy) and IPP (null: none), never its internal number.
 * One place decides how a record is named so every message names it alike.
 */
public record OtherRecord(String name, String birthDate, String ipp) {

    public static OtherRecord of(Patient patient) {
        return new OtherRecord(patient.traits().birthFamilyName() + " " + patient.traits().givenNamesText(),
                patient.traits().birthDateShown(), patient.ipp());
    }
}
