package org.armstrace.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.armstrace.registry.ImportedRecords.FirearmCandidate;
import org.armstrace.registry.ImportedRecords.FirearmIdentity;
import org.armstrace.registry.ImportedRecords.Kind;
import org.armstrace.registry.ImportedRecords.LicenceRow;
import org.armstrace.registry.ImportedRecords.NewOrganisation;
import org.armstrace.registry.ImportedRecords.PersonBlocks;
import org.armstrace.registry.ImportedRecords.PersonCandidate;
import org.armstrace.registry.ImportedRecords.ReportRow;
import org.armstrace.registry.ImportedRecords.Row;
import org.armstrace.registry.ImportedRecords.TransferRow;

/**
 * What an import matches its rows against and writes them to: the graph ({@link ImportedRecords}),
 * or, for the first load of an empty store, records staged in memory and written as files for the
 * offline importer. Both must answer and write alike; see {@link ImportedRecords} for the contract.
 */
public interface RecordStore {

    /**
     * Whether the store may be read from another thread while a chunk is being written to it: an import
     * then looks at its next chunk ahead. The graph may (each read is its own transaction); records staged
     * in memory for a first load may not.
     */
    default boolean readableWhileWriting() {
        return false;
    }

    FirearmIdentity identify(String make, String model, String serialAsRead);

    Map<Integer, List<FirearmCandidate>> firearmCandidates(List<FirearmIdentity> keys);

    Map<Integer, List<PersonCandidate>> personCandidates(List<PersonBlocks> keys);

    Set<String> existing(Kind kind, Collection<String> ids);

    Map<String, String> peopleByNationalId(List<String> keys);

    Map<String, String> organisationsByCode();

    Map<String, List<String>> licencesByNumber(List<String> keys);

    int addMissingBlockKeys();

    /** See {@link ImportedRecords#standings}. */
    Map<String, Standing> standings(Kind kind, List<? extends Row<?>> rows, Set<String> ownBatches);

    /** See {@link ImportedRecords#unchanged}. */
    Set<String> unchanged(Kind kind, Collection<? extends Row<?>> rows);

    /** See {@link ImportedRecords#transfersWritten}. */
    Set<String> transfersWritten(Collection<Row<TransferRow>> rows);

    /** See {@link ImportedRecords#writeChanges}. */
    void writeChanges(Kind kind, List<? extends Row<?>> rows, Map<String, Standing> standings, String reason);

    /** See {@link ImportedRecords#flagMissing}. */
    List<String> flagMissing(Kind kind, String profile, Set<String> ownBatches, Set<String> seen, String batch);

    void writeOrganisations(List<Row<NewOrganisation>> rows, String batch);

    void writePeople(List<Row<NewPerson>> rows, String batch);

    void writeFirearms(List<Row<NewFirearm>> rows, String batch);

    void writeLicences(List<Row<LicenceRow>> rows, String batch);

    void writeTransfers(List<Row<TransferRow>> rows, String batch);

    void writeReports(List<Row<ReportRow>> rows, String batch);
}
