/**
 * FHIR Bulk Data {@code $export} as a client: the kick-off, the status polled at the server's pace, the manifest and
 * its NDJSON files read line by line. The sync engine's first sync of a new workstation reads the server through it
 * (docs/sync.md, "First sync by bulk export"; ADR 0019).
 */
package fr.relais.sync.bulk;
