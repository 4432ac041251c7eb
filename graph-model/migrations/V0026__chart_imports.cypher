// Partner charts taken in from i2 Analyst's Notebook (ANX) as reviewable overlays, owned by
// intelligence (ChartInterchange): one node per file received, found by id when the analyst
// accepts a match from it.
CREATE CONSTRAINT chart_import_id IF NOT EXISTS
FOR (c:ChartImport) REQUIRE c.id IS UNIQUE;
