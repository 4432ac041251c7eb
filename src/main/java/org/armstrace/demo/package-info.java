/**
 * The demonstration dataset: with {@code armstrace.demo=true}, a first start on an empty store fills
 * every screen with synthetic, deterministic data built through the other modules' services (the
 * importer's included), and creates a demo user for each role. Owns {@code :DemoDataset} and its
 * {@code INCLUDES} links to the records a load made that do not carry the demo's source; reads other
 * modules' labels only to refuse a store that holds real data and to find those records.
 */
@ApplicationModule(displayName = "Demo data")
package org.armstrace.demo;

import org.springframework.modulith.ApplicationModule;
