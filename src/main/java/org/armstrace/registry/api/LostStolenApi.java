package org.armstrace.registry.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.armstrace.registry.LostStolenExport;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The active lost/stolen reports for partners (police of other countries, INTERPOL), as the XLSX
 * export gives them ({@link LostStolenExport}): English names, no circumstances, no reporter, no
 * holder. Partner tokens may read it, as may the desk's; each call is audited and counts against
 * the token's rate limit like any other.
 */
@RestController
@RequestMapping(path = "/api/v1/lost-stolen", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Lost and stolen", description = "The national register of lost and stolen firearms, for partners")
@SecurityRequirement(name = "bearer")
class LostStolenApi {

    private final LostStolenExport export;

    LostStolenApi(LostStolenExport export) {
        this.export = export;
    }

    @GetMapping("/active")
    @Operation(summary = "Active lost/stolen reports, most recently reported first",
            description = "The fields of the partners' XLSX export, in English: what happened, when and where, the "
                    + "police reference to quote back, and the weapon (make, model, type and calibre by name, serial "
                    + "as reported, country and year of manufacture). Circumstances, reporters and holders are not "
                    + "given. Paged: page from 0, size 1 to 500; total is the number of active reports.")
    LostStolenExport.ActivePage active(
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Reports per page, 1 to 500") @RequestParam(defaultValue = "100") int size) {
        return export.activePage(page, size);
    }
}
