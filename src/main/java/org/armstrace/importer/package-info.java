/**
 * Legacy registry extracts (CSV, XLSX) in, through mapping profiles, staging, identity matching and
 * review, with the first load of a new installation. Owns {@code :ImportBatch}, {@code :ImportIssue},
 * {@code :MatchDecision} and {@code :MappingProfile}; writes the registry's labels only through
 * {@code registry.ImportedRecords}.
 */
@ApplicationModule(displayName = "Registry import")
package org.armstrace.importer;

import org.springframework.modulith.ApplicationModule;
