package fr.relais.core.demo;

import java.util.List;

/** Common French names and real INSEE commune codes, for fictitious but realistic demo patients. */
final class DemoNames {
    static final List<String> FAMILY = List.of(
            "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
            "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD",
            "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "LEFÈVRE", "FAURE", "ANDRÉ",
            "MERCIER", "BLANC", "GUÉRIN", "BOYER", "GARNIER", "CHEVALIER", "FRANÇOIS", "LEGRAND", "GAUTHIER", "GARCIA",
            "PERRIN", "ROBIN", "CLÉMENT", "MORIN", "NICOLAS", "HENRY", "ROUSSEL", "MATHIEU", "MASSON", "LE GALL",
            "N'DIAYE", "DA SILVA", "LE BRIS", "PAOLI", "SANTONI", "HAMIDI", "BENOÎT", "COLIN", "VIDAL", "CARON");
    static final List<String> FEMALE = List.of(
            "Marie", "Jeanne", "Monique", "Françoise", "Jacqueline", "Nicole", "Yvette", "Simone", "Denise", "Colette",
            "Madeleine", "Suzanne", "Hélène", "Annie", "Christiane", "Martine", "Sylvie", "Chantal", "Brigitte", "Josiane",
            "Odette", "Geneviève", "Renée", "Paulette", "Élise", "Anne", "Claire", "Isabelle", "Nathalie", "Fatima");
    static final List<String> MALE = List.of(
            "Jean", "Pierre", "Michel", "André", "Jacques", "Bernard", "Claude", "René", "Louis", "Gérard",
            "Marcel", "Robert", "Daniel", "Alain", "Roger", "Henri", "Paul", "Georges", "Yves", "Joseph",
            "François", "Philippe", "Patrick", "Christian", "Guy", "Maurice", "Lucien", "Marc", "Antoine", "Mohamed");
    /** Commune (or country abroad, 99xxx) of birth: INSEE COG codes. */
    static final List<String> BIRTHPLACES = List.of(
            "75056", "13055", "69123", "31555", "06088", "44109", "67482", "34172", "33063", "59350",
            "35238", "51454", "76351", "42218", "83137", "38185", "21231", "49007", "30189", "63113",
            "2A004", "2B033", "29019", "37261", "87085", "80021", "66136", "57463", "25056", "45234",
            "76540", "14118", "64445", "17300", "99350", "99352", "99139", "99134", "99127", "99351");

    private DemoNames() {
    }
}
