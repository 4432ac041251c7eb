package org.armstrace.casefile;

import java.time.Instant;

/**
 * One production of a case's file: the DOCX and the ZIP package as they were handed out, each by its
 * SHA-256 and size, who produced them and when, and how many linked records they hold.
 */
public record CaseFile(String id, String caseNumber, String docxName, String docxSha256, long docxSize, String zipName,
                       String zipSha256, long zipSize, String by, Instant at, int entities) {
}
