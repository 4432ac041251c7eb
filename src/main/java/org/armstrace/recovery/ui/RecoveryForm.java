package org.armstrace.recovery.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.armstrace.base.Dates;
import org.armstrace.base.ModelLookup;
import org.armstrace.base.ui.DatePickers;
import org.armstrace.base.ui.MapView;
import org.armstrace.recovery.Municipalities;
import org.armstrace.recovery.NewRecovery;
import org.armstrace.recovery.Place;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.recovery.RecoveryRejected;
import org.armstrace.registry.Photos;

/**
 * The recovery form, built for a tablet in a field officer's gloved hands: large controls, pick
 * lists that accept aliases, little typing. It keeps no data of its own beyond its fields and
 * talks to nobody: it fires events ({@link DraftChanged}, {@link Submit}, {@link PhotoAdded},
 * {@link IdentifyPossessor}, {@link Locate}) and the view calls the services.
 *
 * <p>Its parts are classes of their own: the {@link PlaceField}, a {@link WeaponCard} per weapon
 * (with its {@link MarkingRow}s), a {@link PossessorRow} per person, and the {@link DraftBinder}
 * that keeps every field's text for the draft and restores it.
 */
@JsModule("./armstrace-draft.js")
public class RecoveryForm extends VerticalLayout {

    /** The pick-lists' contents, in the user's language, the makers' models, and the largest photo accepted. */
    public record Choices(List<PickList.Option> types, List<PickList.Option> makes, List<PickList.Option> calibres,
                          List<PickList.Option> countries, List<Municipalities.Municipality> municipalities,
                          MapView.Basemap basemap, long photoMaxBytes, ModelLookup models) {
    }

    private final Choices choices;
    private final DraftBinder binder = new DraftBinder(this::changed);
    private final List<WeaponCard> weapons = new ArrayList<>();
    private final List<PossessorRow> possessors = new ArrayList<>();
    private final Div errors = new Div();
    private String draftKey;

    final RadioButtonGroup<RecoveryKind> kind = new RadioButtonGroup<>();
    final DateTimePicker at = new DateTimePicker();
    final PlaceField place;
    final TextArea circumstances = new TextArea();
    final TextField caseReference = new TextField();
    final Input weaponCount = DraftBinder.hidden();
    final Input possessorCount = DraftBinder.hidden();
    final VerticalLayout weaponList = new VerticalLayout();
    final VerticalLayout possessorList = new VerticalLayout();
    final Button save = new Button();

    public RecoveryForm(Choices choices) {
        this.choices = choices;
        addClassName("recovery-form");
        setId("recovery-form");
        setPadding(false);
        errors.setId("recovery-errors");
        errors.addClassName("form-errors");
        errors.setVisible(false);
        kindAndTime();
        place = new PlaceField(choices.municipalities(), choices.basemap(), binder, () -> fireEvent(new Locate(this)));
        notes();
        binder.bindHidden("weapons", weaponCount, text -> { });
        binder.bindHidden("possessors", possessorCount, text -> { });
        var when = new FormLayout(kind, at, caseReference, circumstances);
        when.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        when.setColspan(kind, 2);
        when.setColspan(circumstances, 2);

        weaponList.setPadding(false);
        weaponList.setId("recovery-weapons");
        var addWeapon = addButton("recovery.add-weapon", "recovery-add-weapon", this::addWeapon);
        possessorList.setPadding(false);
        possessorList.setId("recovery-possessors");
        var addPossessor = addButton("recovery.add-possessor", "recovery-add-possessor", this::addPossessor);

        save.setText(getTranslation("recovery.save"));
        save.setId("recovery-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        save.setWidthFull();
        // One submission per tap; the view enables it again when the save is refused.
        save.setDisableOnClick(true);
        save.addClickListener(e -> submit());

        add(errors, section("recovery.section.when"), when, section("recovery.section.where"), place,
                section("recovery.section.weapons"), weaponList, addWeapon, weaponCount,
                section("recovery.section.possessors"), possessorList, addPossessor, possessorCount, save);
        addWeapon();
        place.showPosition("");
    }

    private void kindAndTime() {
        kind.setLabel(getTranslation("recovery.kind"));
        kind.setItems(RecoveryKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("recovery.kind." + k.name()));
        kind.setId("recovery-kind");
        kind.addClassName("big-choice");
        binder.bind("kind", kind, () -> kind.getValue() == null ? "" : getTranslation("recovery.kind." + kind.getValue().name()),
                text -> kind.setValue(kindFromText(text)));
        at.setLabel(getTranslation("recovery.at"));
        at.setId("recovery-at");
        at.setStep(Duration.ofMinutes(1));
        // The officer's wall clock is the home jurisdiction's, whatever the server's zone.
        at.setMax(LocalDateTime.now(Dates.zone()).plusMinutes(5));
        at.setValue(LocalDateTime.now(Dates.zone()).truncatedTo(ChronoUnit.MINUTES));
        DatePickers.localise(at);
        binder.bind("at", at, () -> at.getValue() == null ? "" : at.getValue().toString(),
                text -> at.setValue(DraftBinder.dateTime(text)));
    }

    private void notes() {
        circumstances.setLabel(getTranslation("recovery.circumstances"));
        circumstances.setId("recovery-circumstances");
        circumstances.setMaxLength(4000);
        circumstances.setValueChangeMode(ValueChangeMode.LAZY);
        binder.bind("circumstances", circumstances, circumstances::getValue, circumstances::setValue);
        caseReference.setLabel(getTranslation("recovery.case"));
        caseReference.setId("recovery-case");
        caseReference.setMaxLength(100);
        caseReference.setValueChangeMode(ValueChangeMode.LAZY);
        binder.bind("case", caseReference, caseReference::getValue, caseReference::setValue);
    }

    /** "Add a weapon", "add a person": a card or row more is a change of the draft. */
    private Button addButton(String key, String id, Runnable add) {
        var button = new Button(getTranslation(key), VaadinIcon.PLUS.create(), e -> {
            add.run();
            changed();
        });
        button.setId(id);
        return button;
    }

    private H3 section(String key) {
        return new H3(getTranslation(key));
    }

    /** The form as field id → text: what the draft keeps. */
    public Map<String, String> fields() {
        return binder.fields();
    }

    /** Rebuilds the form from a draft's fields (server copy, browser copy, or both merged). */
    public void restore(Map<String, String> draft) {
        binder.restore(draft, () -> {
            weapons.clear();
            weaponList.removeAll();
            binder.unbind('w');
            possessors.clear();
            possessorList.removeAll();
            binder.unbind('p');
            int w = DraftBinder.count(draft.get("weapons"), 1, 1, NewRecovery.MAX_WEAPONS);
            for (int i = 0; i < w; i++) {
                addWeapon().ensureMarkings(DraftBinder.count(draft.get("w" + i + ".markings"), 0, 0, 20));
            }
            int p = DraftBinder.count(draft.get("possessors"), 0, 0, NewRecovery.MAX_POSSESSORS);
            for (int i = 0; i < p; i++) {
                addPossessor();
            }
        });
        weapons.forEach(WeaponCard::showCompleteness);
        place.showPosition("");
    }

    /** The draft changed: the counts follow, and the view keeps a copy. The binder is silent while restoring. */
    private void changed() {
        weaponCount.setValue(String.valueOf(weapons.size()));
        possessorCount.setValue(String.valueOf(possessors.size()));
        fireEvent(new DraftChanged(this, fields()));
    }

    /** The kind from a draft: its label in any of the three languages, or its name. */
    private RecoveryKind kindFromText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (RecoveryKind k : RecoveryKind.values()) {
            if (k.name().equalsIgnoreCase(text.strip())) {
                return k;
            }
            for (Locale l : List.of(Locale.ENGLISH, Locale.of("sq"), Locale.forLanguageTag("sr-Latn"))) {
                if (getTranslation(l, "recovery.kind." + k.name()).equalsIgnoreCase(text.strip())) {
                    return k;
                }
            }
        }
        return null;
    }

    /** Sets the recovery's position and, when the municipality is still open, the one it lies in. */
    public void setPosition(double latitude, double longitude, Double accuracyMetres, Place.Method how) {
        place.setPosition(latitude, longitude, accuracyMetres, how);
    }

    /** Selects the municipality the position lies in (the view knows the boundaries). */
    public void setMunicipality(Municipalities.Municipality m) {
        place.setMunicipality(m);
    }

    public void showLocationUnavailable() {
        place.showPosition(getTranslation("recovery.locate-failed"));
    }

    /** Where the officer picks a position on the map: the view looks up its municipality. */
    public Registration addMapPickListener(ComponentEventListener<MapView.PickEvent> listener) {
        return place.map.addPickListener(listener);
    }

    private WeaponCard addWeapon() {
        int index = weapons.size();
        var card = new WeaponCard(index, choices, binder,
                (content, fileName) -> fireEvent(new PhotoAdded(this, index, content, fileName)), this::showError);
        weapons.add(card);
        weaponList.add(card);
        weaponCount.setValue(String.valueOf(weapons.size()));
        return card;
    }

    /** Adds a staged photo to weapon {@code index} (the view staged it). */
    public void addPhoto(int index, Photos.Staged photo, DownloadHandler thumbnail) {
        if (index >= 0 && index < weapons.size()) {
            weapons.get(index).addPhoto(photo, thumbnail);
            changed();
        }
    }

    /** Shows the staged photos of a restored draft. */
    public void showPhotos(Function<Photos.Staged, DownloadHandler> thumbnails) {
        weapons.forEach(w -> w.showPhotos(thumbnails));
    }

    private PossessorRow addPossessor() {
        int index = possessors.size();
        var row = new PossessorRow(index, binder, nationalId -> fireEvent(new IdentifyPossessor(this, index, nationalId)));
        possessors.add(row);
        possessorList.add(row);
        possessorCount.setValue(String.valueOf(possessors.size()));
        return row;
    }

    /** Shows who a personal number belongs to (or that nobody has it) for possessor {@code index}. */
    public void showIdentified(int index, String personId, String name) {
        if (index >= 0 && index < possessors.size()) {
            possessors.get(index).identified(personId, name);
            changed();
        }
    }

    /** The draft this form edits: its id is the recovery's idempotency key. */
    public void setDraftKey(String key) {
        this.draftKey = key;
    }

    public String draftKey() {
        return draftKey;
    }

    /** Builds the recovery from the form; a refusal is shown on the form and nothing is fired. */
    private void submit() {
        try {
            showError("");
            fireEvent(new Submit(this, recovery()));
        } catch (RecoveryRejected e) {
            showError(getTranslation(e.getMessage()));
            save.setEnabled(true);
        }
    }

    /** The recovery as typed, keyed by the draft's id. */
    NewRecovery recovery() {
        Place where = place.place();
        if (kind.getValue() == null) {
            throw new RecoveryRejected("recovery.no-kind");
        }
        if (at.getValue() == null) {
            throw new RecoveryRejected("recovery.no-date");
        }
        var recovered = weapons.stream().map(w -> new NewRecovery.RecoveredWeapon(w.firearm(),
                w.obliterated.getValue(), w.photos())).toList();
        var people = possessors.stream().filter(p -> !p.blank()).map(PossessorRow::possessor).toList();
        return new NewRecovery(draftKey, kind.getValue(),
                Dates.instant(at.getValue()), where,
                DraftBinder.blankToNull(circumstances.getValue()), DraftBinder.blankToNull(caseReference.getValue()),
                people, recovered);
    }

    public void showError(String message) {
        errors.setText(message);
        errors.setVisible(message != null && !message.isBlank());
    }

    /** After a refused save: the officer corrects and taps again. */
    public void enableSave() {
        save.setEnabled(true);
    }

    public static class DraftChanged extends ComponentEvent<RecoveryForm> {
        private final Map<String, String> fields;

        DraftChanged(RecoveryForm source, Map<String, String> fields) {
            super(source, false);
            this.fields = fields;
        }

        public Map<String, String> fields() {
            return fields;
        }
    }

    /** The officer tapped save and the form built a valid recovery. */
    public static class Submit extends ComponentEvent<RecoveryForm> {
        private final NewRecovery recovery;

        Submit(RecoveryForm source, NewRecovery recovery) {
            super(source, false);
            this.recovery = recovery;
        }

        public NewRecovery recovery() {
            return recovery;
        }
    }

    public static class PhotoAdded extends ComponentEvent<RecoveryForm> {
        private final int weapon;
        private final byte[] content;
        private final String fileName;

        PhotoAdded(RecoveryForm source, int weapon, byte[] content, String fileName) {
            super(source, false);
            this.weapon = weapon;
            this.content = content;
            this.fileName = fileName;
        }

        public int weapon() {
            return weapon;
        }

        public byte[] content() {
            return content;
        }

        public String fileName() {
            return fileName;
        }
    }

    public static class IdentifyPossessor extends ComponentEvent<RecoveryForm> {
        private final int index;
        private final String nationalId;

        IdentifyPossessor(RecoveryForm source, int index, String nationalId) {
            super(source, false);
            this.index = index;
            this.nationalId = nationalId;
        }

        public int index() {
            return index;
        }

        public String nationalId() {
            return nationalId;
        }
    }

    /** "Use my location": the view asks the browser for the device's position. */
    public static class Locate extends ComponentEvent<RecoveryForm> {
        Locate(RecoveryForm source) {
            super(source, false);
        }
    }

    public Registration addDraftChangedListener(ComponentEventListener<DraftChanged> l) {
        return addListener(DraftChanged.class, l);
    }

    public Registration addSubmitListener(ComponentEventListener<Submit> l) {
        return addListener(Submit.class, l);
    }

    public Registration addPhotoAddedListener(ComponentEventListener<PhotoAdded> l) {
        return addListener(PhotoAdded.class, l);
    }

    public Registration addIdentifyListener(ComponentEventListener<IdentifyPossessor> l) {
        return addListener(IdentifyPossessor.class, l);
    }

    public Registration addLocateListener(ComponentEventListener<Locate> l) {
        return addListener(Locate.class, l);
    }
}
