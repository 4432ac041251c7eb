/**
 * Backup and restore of an installation on the embedded database: one archive holding Neo4j's own
 * dump of the database, the content stores' files (photos, imported extracts, documents), the audit
 * anchors and a manifest with every file's SHA-256 and the store's counts. Run from the command line
 * while the application is stopped ({@code backup <file>}, {@code restore <file>}). Owns no label.
 */
@ApplicationModule(displayName = "Backup and restore")
package org.armstrace.backup;

import org.springframework.modulith.ApplicationModule;
