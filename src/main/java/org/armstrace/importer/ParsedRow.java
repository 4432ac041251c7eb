package org.armstrace.importer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.armstrace.registry.ImportedRecords;
import org.armstrace.registry.LostStolenReport;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.NewPerson;
import org.armstrace.registry.Licence;
import org.armstrace.registry.Transfer;

/**
 * A row that passed validation, as records to match and write. Which parts are present depends on
 * the profile's {@link RecordKind}; the {@code *Ref} parts name records that must already exist.
 *
 * @param sourceRecord the extract's own id of the row's record, when the profile maps one: rows with
 *                     different ids are different records even when all else is equal
 */
record ParsedRow(int line, NewPerson person, NewFirearm firearm, ImportedRecords.NewOrganisation organisation,
                 LicencePart licence, HolderRef holder, TransferPart transfer, ReportPart report,
                 List<Issue> warnings, String sourceRecord) {

    /** A row of an extract that has no record id of its own: its records are told apart by their content. */
    ParsedRow(int line, NewPerson person, NewFirearm firearm, ImportedRecords.NewOrganisation organisation,
              LicencePart licence, HolderRef holder, TransferPart transfer, ReportPart report, List<Issue> warnings) {
        this(line, person, firearm, organisation, licence, holder, transfer, report, warnings, null);
    }

    /** This row with the extract's own id of its record ({@code source.recordId}); null when the profile maps none. */
    ParsedRow withSourceRecord(String id) {
        return new ParsedRow(line, person, firearm, organisation, licence, holder, transfer, report, warnings, id);
    }

    /** {@code status}: as the registry says (ACTIVE when the extract has no such column), since {@code statusDate}. */
    record LicencePart(String number, Licence.Kind kind, String issuedBy, LocalDate validFrom, LocalDate validTo,
                       Licence.Status status, LocalDate statusDate) {

        /**
         * When the holdings under a licence the registry no longer holds active end: the day of that status
         * if given, else an expired licence's last valid day, else the day the extract says so. Null when active.
         */
        LocalDate endedOn() {
            if (!status.ends()) {
                return null;
            }
            if (statusDate != null) {
                return statusDate;
            }
            return status == Licence.Status.EXPIRED && validTo != null ? validTo : LocalDate.now(ZoneOffset.UTC);
        }
    }

    /** A licence's holder named by personal number or organisation code (normalised keys). */
    record HolderRef(String nationalIdKey, String organisationCode) {
    }

    /** {@code from}/{@code to}: a personal number or an organisation code, as written. */
    record TransferPart(Transfer.Kind kind, LocalDate date, String reference, String from, String to,
                        String licenceNumber) {
    }

    record ReportPart(LostStolenReport.Kind kind, LocalDate occurredOn, String place, String reference) {
    }
}
