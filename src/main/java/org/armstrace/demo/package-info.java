/**
 * The demonstration dataset: with {@code armstrace.demo=true}, a first start on an empty store fills
 * every screen with synthetic, deterministic data built through the other modules' services, and
 * creates a demo user for each role. Owns {@code :DemoDataset}; reads other modules' labels only to
 * refuse a store that holds real data.
 */
@ApplicationModule(displayName = "Demo data")
package org.armstrace.demo;

import org.springframework.modulith.ApplicationModule;
