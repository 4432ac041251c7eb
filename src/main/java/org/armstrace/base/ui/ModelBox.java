package org.armstrace.base.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.function.Supplier;
import org.armstrace.base.ModelLookup;

/**
 * A weapon's model, picked from the models the reference data lists for the make chosen beside it
 * (found by any of their spellings: "z 9" offers Zolja), or typed when it is not in the list, as
 * happens in the field. A typed spelling of a listed model becomes that model; anything else is kept
 * as written and flagged under the field as not in the reference data. The list is asked for on
 * every opening and filtering, so an edit of the reference data is offered at once.
 *
 * <p>The features give it their reference data through {@link ModelLookup}, so that the shell knows
 * none of them.
 */
public class ModelBox extends ComboBox<String> {

    private final ModelLookup lookup;
    private final Supplier<String> make;

    /** {@code make} gives the make chosen beside this field now (null when none). */
    public ModelBox(String label, ModelLookup lookup, Supplier<String> make) {
        super(label);
        this.lookup = lookup;
        this.make = make;
        setItems(query -> lookup.offered(make.get(), query.getFilter().orElse("")).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        setAllowCustomValue(true);
        setClearButtonVisible(true);
        addCustomValueSetListener(e -> setValue(resolved(e.getDetail())));
        addValueChangeListener(e -> flag());
    }

    /** The make beside it changed: offer that maker's models, and check the model already there against them. */
    public void makeChanged() {
        getLazyDataView().refreshAll();
        flag();
    }

    /** Shows a stored model as it is (null or blank: none). */
    public void show(String model) {
        setValue(model == null || model.isBlank() ? null : model.strip());
        flag();
    }

    /** The model entered, or null for none. */
    public String model() {
        String v = getValue();
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Whether a model is entered that the reference data does not list for the make. */
    public boolean notInReference() {
        String v = model();
        return v != null && lookup.resolve(make.get(), v).isEmpty();
    }

    private String resolved(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return lookup.resolve(make.get(), typed.strip()).orElse(typed.strip());
    }

    private void flag() {
        setHelperText(notInReference() ? getTranslation("model.not-in-reference") : null);
    }
}
