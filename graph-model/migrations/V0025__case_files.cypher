// Case files (module casefile): each production of a case's file for the prosecutor, the DOCX and the
// ZIP package by their SHA-256, who produced them and when, hung on the case by FILE_OF.

CREATE CONSTRAINT case_file_id IF NOT EXISTS
FOR (f:CaseFile) REQUIRE f.id IS UNIQUE;
