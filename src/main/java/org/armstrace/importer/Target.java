package org.armstrace.importer;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a source column can be mapped to, named as in the mapping profiles ({@code firearm.serial}).
 * {@code holder.*}, {@code transfer.from}/{@code to} and the firearm fields of a licence, transfer
 * or report file name a record that must already exist (or be created earlier in the same file).
 */
enum Target {
    FIREARM_TYPE("firearm.type"), FIREARM_MAKE("firearm.make"), FIREARM_MODEL("firearm.model"),
    FIREARM_CALIBRE("firearm.calibre"), FIREARM_SERIAL("firearm.serial"), FIREARM_COUNTRY("firearm.countryOfManufacture"),
    FIREARM_YEAR("firearm.year"), FIREARM_IMPORT_MARK("firearm.importMarking"),
    FIREARM_IMPORT_COUNTRY("firearm.importCountry"), FIREARM_IMPORT_YEAR("firearm.importYear"),
    FIREARM_OTHER_MARK("firearm.otherMarking"),

    PERSON_GIVEN_NAME("person.givenName"), PERSON_FAMILY_NAME("person.familyName"),
    PERSON_FULL_NAME("person.fullName"), PERSON_PARENT_NAME("person.parentName"),
    PERSON_BIRTH_DATE("person.birthDate"), PERSON_BIRTH_PLACE("person.birthPlace"),
    PERSON_NATIONAL_ID("person.nationalId"),

    ORGANISATION_KIND("organisation.kind"), ORGANISATION_CODE("organisation.code"),
    ORGANISATION_NAME("organisation.name"), ORGANISATION_COUNTRY("organisation.country"),

    LICENCE_NUMBER("licence.number"), LICENCE_KIND("licence.kind"), LICENCE_ISSUED_BY("licence.issuedBy"),
    LICENCE_VALID_FROM("licence.validFrom"), LICENCE_VALID_TO("licence.validTo"),
    LICENCE_STATUS("licence.status"), LICENCE_STATUS_DATE("licence.statusDate"),
    HOLDER_NATIONAL_ID("holder.nationalId"), HOLDER_CODE("holder.organisationCode"),

    TRANSFER_KIND("transfer.kind"), TRANSFER_DATE("transfer.date"), TRANSFER_REFERENCE("transfer.reference"),
    TRANSFER_FROM("transfer.from"), TRANSFER_TO("transfer.to"), TRANSFER_LICENCE("transfer.licenceNumber"),

    REPORT_KIND("report.kind"), REPORT_DATE("report.occurredOn"), REPORT_PLACE("report.place"),
    REPORT_REFERENCE("report.reference"),

    /** The extract's own id of the row's record: two rows with different ids are two records. */
    SOURCE_RECORD_ID("source.recordId");

    private final String key;

    Target(String key) {
        this.key = key;
    }

    /** The name used in profiles and reports. */
    public String key() {
        return key;
    }

    public static Optional<Target> of(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equalsIgnoreCase(key)).findFirst();
    }
}
