// Demo data (module demo): one node per demonstration dataset loaded, with its status (LOADING, LOADED),
// so that a second start with ARMSTRACE_DEMO=true does nothing and an interrupted load is recognised.

CREATE CONSTRAINT demo_dataset_name IF NOT EXISTS
FOR (d:DemoDataset) REQUIRE d.name IS UNIQUE;
