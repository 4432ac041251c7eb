package org.armstrace.api;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any /api path that names no endpoint gets a 404 problem. Without it the request would fall
 * through to Vaadin, which serves its HTML page for every path. Swagger UI's static pages under
 * /api/v1/swagger-ui are left to springdoc's resource handler.
 */
@RestController
@Hidden
class UnknownApiPath {

    @RequestMapping({"/api", "/api/{version:^(?!v1$).*}/**", "/api/v1", "/api/v1/{segment:^(?!swagger-ui$).*}/**"})
    void unknown() {
        throw new ApiNotFound("There is no such endpoint in this API.");
    }
}
