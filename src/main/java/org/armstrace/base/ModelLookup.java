package org.armstrace.base;

import java.util.List;
import java.util.Optional;

/**
 * The reference data's models of a make as written (its code, name or an alias), as a pick-list
 * asks for them. Here in the shell so that the pick-list ({@code base.ui.ModelBox}) knows no
 * feature, and the registry provides it once for every form that offers models.
 */
public interface ModelLookup {

    /** The names of the make's active models that what was typed appears in (by any spelling), by name. */
    List<String> offered(String make, String typed);

    /** The model's name when the make has a model by this spelling. */
    Optional<String> resolve(String make, String model);
}
