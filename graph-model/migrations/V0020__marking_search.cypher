// Markings are searched like serials (issue 26): import marks, arsenal and assembly numbers and
// other markings get the serial's search keys, folded (confusable characters as one) and their
// deletion neighbourhood, and the same two full-text indexes as serials. marking_key (V0003) is
// read by the exact lookup. See SerialCandidates and src/bench/README.md.

CREATE FULLTEXT INDEX marking_folded IF NOT EXISTS
FOR (m:Marking) ON EACH [m.folded]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false}};

CREATE FULLTEXT INDEX marking_neighbourhood IF NOT EXISTS
FOR (m:Marking) ON EACH [m.neighbourhood]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}};

// Markings written before this migration get their keys here, computed as SerialNumbers.fold and
// SerialNumbers.neighbourhood compute them for new ones (same classes, up to two deletions for keys
// of 3 to 20 characters, one for longer keys).
MATCH (m:Marking) WHERE m.key IS NOT NULL AND m.folded IS NULL
CALL (m) {
  WITH m, reduce(s = '', c IN split(m.key, '') | s + CASE
        WHEN c IN ['O', 'Q', 'D'] THEN '0' WHEN c IN ['I', 'L'] THEN '1' WHEN c = 'Z' THEN '2'
        WHEN c = 'S' THEN '5' WHEN c = 'G' THEN '6' WHEN c = 'B' THEN '8' WHEN c = 'T' THEN '7'
        WHEN c = 'A' THEN '4' WHEN c = 'E' THEN '3' WHEN c = 'V' THEN 'U' ELSE c END) AS k
  WITH m, k, size(k) AS n
  WITH m, k, n,
       CASE WHEN n < 2 THEN [] ELSE [i IN range(0, n - 1) | left(k, i) + substring(k, i + 1)] END AS one,
       CASE WHEN n > 2 AND n <= 20
            THEN reduce(acc = [], i IN range(0, n - 1) | acc + [j IN range(i + 1, n - 1) |
                 left(k, i) + substring(k, i + 1, j - i - 1) + substring(k, j + 1)])
            ELSE [] END AS two
  WITH m, k, reduce(acc = [k], t IN one + two | CASE WHEN t IN acc THEN acc ELSE acc + t END) AS members
  SET m.folded = k, m.neighbourhood = reduce(s = '', t IN members | s + CASE WHEN s = '' THEN '' ELSE ' ' END + t)
} IN TRANSACTIONS OF 10000 ROWS;
