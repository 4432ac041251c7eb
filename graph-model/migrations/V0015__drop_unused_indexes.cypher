// Two indexes that no query reads, dropped: every weapon and transfer written kept them up to date,
// and a first load built them from scratch (about 3 s of index population on S).
// - firearm_make_serial_key (makeCode, serialKey): the exact search seeks firearm_serial_key and
//   filters on the make, which is optional; import matching seeks firearm_make_serial_folded.
//   SerialSearchTests checks the exact search's plan.
// - transfer_date: transfers are always reached from their weapon, a handful each, and sorted there.

DROP INDEX firearm_make_serial_key IF EXISTS;

DROP INDEX transfer_date IF EXISTS;
