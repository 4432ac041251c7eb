package org.armstrace.recovery.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.armstrace.base.ui.MapView;
import org.armstrace.recovery.Completeness;
import org.armstrace.recovery.Municipalities;
import org.armstrace.recovery.NewRecovery;
import org.armstrace.recovery.Place;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.recovery.RecoveryRejected;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.Photos;

/**
 * The recovery form, built for a tablet in a field officer's gloved hands: large controls, pick
 * lists that accept aliases, little typing. It keeps no data of its own beyond its fields and
 * talks to nobody: it fires events ({@link DraftChanged}, {@link Submit}, {@link PhotoAdded},
 * {@link IdentifyPossessor}, {@link Locate}) and the view calls the services.
 *
 * <p>Every field carries a {@code data-draft} id, the same id it has in the saved draft, so that
 * {@code armstrace-draft.js} can keep a copy in the browser while the connection is down and
 * {@link #restore} can rebuild the form from either copy.
 */
@JsModule("./armstrace-draft.js")
public class RecoveryForm extends VerticalLayout {

    /** The pick-lists' contents, in the user's language. */
    public record Choices(List<PickList.Option> types, List<PickList.Option> makes, List<PickList.Option> calibres,
                          List<PickList.Option> countries, List<Municipalities.Municipality> municipalities,
                          MapView.Basemap basemap) {
    }

    private final Choices choices;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final List<WeaponCard> weapons = new ArrayList<>();
    private final List<PossessorRow> possessors = new ArrayList<>();
    private final Div errors = new Div();
    private boolean restoring;
    private String draftKey;

    final RadioButtonGroup<RecoveryKind> kind = new RadioButtonGroup<>();
    final DateTimePicker at = new DateTimePicker();
    final Input lat = hidden();
    final Input lon = hidden();
    final Input accuracy = hidden();
    final Input method = hidden();
    final ComboBox<Municipalities.Municipality> municipality = new ComboBox<>();
    final Span position = new Span();
    final MapView map = new MapView();
    final TextArea circumstances = new TextArea();
    final TextField caseReference = new TextField();
    final Input weaponCount = hidden();
    final Input possessorCount = hidden();
    final VerticalLayout weaponList = new VerticalLayout();
    final VerticalLayout possessorList = new VerticalLayout();
    final Button save = new Button();
    final Button locate = new Button();

    private record Field(Supplier<String> text, Consumer<String> restore) {
    }

    public RecoveryForm(Choices choices) {
        this.choices = choices;
        addClassName("recovery-form");
        setId("recovery-form");
        setPadding(false);
        errors.setId("recovery-errors");
        errors.addClassName("form-errors");
        errors.setVisible(false);

        kind.setLabel(getTranslation("recovery.kind"));
        kind.setItems(RecoveryKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("recovery.kind." + k.name()));
        kind.setId("recovery-kind");
        kind.addClassName("big-choice");
        bind("kind", kind, () -> kind.getValue() == null ? "" : getTranslation("recovery.kind." + kind.getValue().name()),
                text -> kind.setValue(kindFromText(text)));

        at.setLabel(getTranslation("recovery.at"));
        at.setId("recovery-at");
        at.setStep(java.time.Duration.ofMinutes(1));
        at.setMax(LocalDateTime.now().plusMinutes(5));
        at.setValue(LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES));
        bind("at", at, () -> at.getValue() == null ? "" : at.getValue().toString(), text -> at.setValue(parseDateTime(text)));

        for (var e : Map.of("lat", lat, "lon", lon, "accuracy", accuracy, "method", method).entrySet()) {
            bindHidden(e.getKey(), e.getValue(), this::showPosition);
        }
        locate.setText(getTranslation("recovery.locate"));
        locate.setIcon(VaadinIcon.CROSSHAIRS.create());
        locate.setId("recovery-locate");
        locate.addClickListener(e -> fireEvent(new Locate(this)));
        position.setId("recovery-position");
        position.addClassName("position-text");

        municipality.setLabel(getTranslation("recovery.municipality"));
        municipality.setId("recovery-municipality");
        municipality.setItems((m, typed) -> m.name(getLocale()).toLowerCase(getLocale())
                .contains(typed.toLowerCase(getLocale())) || m.code().contains(typed.toLowerCase(Locale.ROOT)),
                choices.municipalities());
        municipality.setItemLabelGenerator(m -> m.name(getLocale()));
        municipality.setClearButtonVisible(true);
        municipality.setVisible(!choices.municipalities().isEmpty());
        bind("municipality", municipality, () -> municipality.getValue() == null ? "" : municipality.getValue().code(),
                text -> municipality.setValue(choices.municipalities().stream().filter(m -> m.code().equals(text)
                        || m.name(getLocale()).equals(text)).findFirst().orElse(null)));
        municipality.addValueChangeListener(e -> {
            // Only the municipality known: its centre stands in, unless a real position is there.
            if (e.isFromClient() && e.getValue() != null && !"DEVICE".equals(method.getValue())
                    && !"MAP".equals(method.getValue())) {
                setPosition(e.getValue().centreLatitude(), e.getValue().centreLongitude(), null, Place.Method.MUNICIPALITY);
            }
        });

        map.setId("recovery-map");
        map.setBasemap(choices.basemap());
        map.setPicking(true);
        map.setHeight("260px");
        map.addPickListener(e -> setPosition(e.lat(), e.lon(), null, Place.Method.MAP));

        circumstances.setLabel(getTranslation("recovery.circumstances"));
        circumstances.setId("recovery-circumstances");
        circumstances.setMaxLength(4000);
        circumstances.setValueChangeMode(ValueChangeMode.LAZY);
        bind("circumstances", circumstances, circumstances::getValue, circumstances::setValue);
        caseReference.setLabel(getTranslation("recovery.case"));
        caseReference.setId("recovery-case");
        caseReference.setMaxLength(100);
        caseReference.setValueChangeMode(ValueChangeMode.LAZY);
        bind("case", caseReference, caseReference::getValue, caseReference::setValue);

        bindHidden("weapons", weaponCount, text -> { });
        bindHidden("possessors", possessorCount, text -> { });

        var when = new FormLayout(kind, at, caseReference, circumstances);
        when.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        when.setColspan(kind, 2);
        when.setColspan(circumstances, 2);
        var where = new VerticalLayout(new HorizontalLayout(locate, position), municipality, map, lat, lon, accuracy, method);
        where.setPadding(false);
        municipality.setWidthFull();

        weaponList.setPadding(false);
        weaponList.setId("recovery-weapons");
        var addWeapon = new Button(getTranslation("recovery.add-weapon"), VaadinIcon.PLUS.create(), e -> {
            addWeapon();
            changed();
        });
        addWeapon.setId("recovery-add-weapon");
        possessorList.setPadding(false);
        possessorList.setId("recovery-possessors");
        var addPossessor = new Button(getTranslation("recovery.add-possessor"), VaadinIcon.PLUS.create(), e -> {
            addPossessor();
            changed();
        });
        addPossessor.setId("recovery-add-possessor");

        save.setText(getTranslation("recovery.save"));
        save.setId("recovery-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        save.setWidthFull();
        // One submission per tap; the view enables it again when the save is refused.
        save.setDisableOnClick(true);
        save.addClickListener(e -> submit());

        add(errors, section("recovery.section.when"), when, section("recovery.section.where"), where,
                section("recovery.section.weapons"), weaponList, addWeapon, weaponCount,
                section("recovery.section.possessors"), possessorList, addPossessor, possessorCount, save);
        addWeapon();
        showPosition("");
    }

    private H3 section(String key) {
        return new H3(getTranslation(key));
    }

    // --- draft fields ---------------------------------------------------------------------------

    private void bind(String id, Component component, Supplier<String> text, Consumer<String> restore) {
        component.getElement().setAttribute("data-draft", id);
        fields.put(id, new Field(text, restore));
        if (component instanceof HasValue<?, ?> hv) {
            hv.addValueChangeListener(e -> changed());
        }
    }

    private void bindHidden(String id, Input input, Consumer<String> after) {
        input.getElement().setAttribute("data-draft", id);
        fields.put(id, new Field(input::getValue, text -> {
            input.setValue(text == null ? "" : text);
            after.accept(text);
        }));
    }

    /** Forgets the fields of the weapon cards or possessor rows ({@code w0.serial}, {@code p1.given}, …). */
    private void unbind(char section) {
        fields.keySet().removeIf(k -> k.matches(section + "\\d+\\..*"));
    }

    private static Input hidden() {
        var input = new Input();
        input.setType("hidden");
        return input;
    }

    /** The form as field id → text: what the draft keeps. */
    public Map<String, String> fields() {
        var out = new LinkedHashMap<String, String>();
        fields.forEach((id, f) -> out.put(id, f.text().get()));
        return out;
    }

    /** Rebuilds the form from a draft's fields (server copy, browser copy, or both merged). */
    public void restore(Map<String, String> draft) {
        restoring = true;
        try {
            weapons.clear();
            weaponList.removeAll();
            unbind('w');
            possessors.clear();
            possessorList.removeAll();
            unbind('p');
            int w = Math.clamp(parseInt(draft.get("weapons"), 1), 1, NewRecovery.MAX_WEAPONS);
            for (int i = 0; i < w; i++) {
                int markings = Math.clamp(parseInt(draft.get("w" + i + ".markings"), 0), 0, 20);
                addWeapon().ensureMarkings(markings);
            }
            int p = Math.clamp(parseInt(draft.get("possessors"), 0), 0, NewRecovery.MAX_POSSESSORS);
            for (int i = 0; i < p; i++) {
                addPossessor();
            }
            // Hidden position fields before the municipality, so a chosen one does not move the position.
            for (String id : List.of("lat", "lon", "accuracy", "method")) {
                fields.get(id).restore().accept(draft.getOrDefault(id, ""));
            }
            fields.forEach((id, f) -> {
                if (draft.containsKey(id) && !List.of("lat", "lon", "accuracy", "method", "weapons", "possessors")
                        .contains(id) && !id.endsWith(".markings")) {
                    f.restore().accept(draft.get(id));
                }
            });
        } finally {
            restoring = false;
        }
        weapons.forEach(WeaponCard::showCompleteness);
        showPosition("");
    }

    private void changed() {
        weaponCount.setValue(String.valueOf(weapons.size()));
        possessorCount.setValue(String.valueOf(possessors.size()));
        if (!restoring) {
            fireEvent(new DraftChanged(this, fields()));
        }
    }

    private static int parseInt(String s, int otherwise) {
        try {
            return s == null ? otherwise : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static LocalDateTime parseDateTime(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
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

    // --- position ------------------------------------------------------------------------------

    /** Sets the recovery's position and, when the municipality is still open, the one it lies in. */
    public void setPosition(double latitude, double longitude, Double accuracyMetres, Place.Method how) {
        lat.setValue(String.valueOf(latitude));
        lon.setValue(String.valueOf(longitude));
        accuracy.setValue(accuracyMetres == null ? "" : String.valueOf(Math.round(accuracyMetres)));
        method.setValue(how.name());
        showPosition("");
        changed();
    }

    /** Selects the municipality the position lies in (the view knows the boundaries). */
    public void setMunicipality(Municipalities.Municipality m) {
        if (m != null && !m.equals(municipality.getValue())) {
            municipality.setValue(m);
        }
    }

    public void showLocationUnavailable() {
        showPosition(getTranslation("recovery.locate-failed"));
    }

    private void showPosition(String problem) {
        Double la = parseDouble(lat.getValue());
        Double lo = parseDouble(lon.getValue());
        map.setMarker(la, lo);
        if (la == null || lo == null) {
            position.setText(problem.isEmpty() ? getTranslation("recovery.no-position") : problem);
            return;
        }
        String how = method.getValue().isEmpty() ? "" : getTranslation("recovery.method." + method.getValue());
        String acc = accuracy.getValue().isEmpty() ? "" : " ±" + accuracy.getValue() + " m";
        position.setText(String.format(Locale.ROOT, "%.5f, %.5f", la, lo) + acc + " · " + how
                + (problem.isEmpty() ? "" : " · " + problem));
    }

    private static Double parseDouble(String s) {
        try {
            return s == null || s.isBlank() ? null : Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // --- weapons ------------------------------------------------------------------------------

    private WeaponCard addWeapon() {
        var card = new WeaponCard(weapons.size());
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

    /** One weapon's card: identification, serial as read, markings, photos and its ISACS completeness. */
    final class WeaponCard extends Div {
        final int index;
        final ComboBox<PickList.Option> type;
        final ComboBox<PickList.Option> make;
        final TextField model = new TextField();
        final ComboBox<PickList.Option> calibre;
        final TextField serial = new TextField();
        final Checkbox obliterated = new Checkbox();
        final ComboBox<PickList.Option> country;
        final Input photoList = hidden();
        final Input markingCount = hidden();
        final VerticalLayout markings = new VerticalLayout();
        final List<MarkingRow> markingRows = new ArrayList<>();
        final FlexLayout gallery = new FlexLayout();
        final CompletenessChips completeness = new CompletenessChips();

        WeaponCard(int index) {
            this.index = index;
            addClassName("weapon-card");
            setId("weapon-" + index);
            String p = "w" + index + ".";
            type = PickList.of(getTranslation("registry.type"), choices.types(), false);
            make = PickList.of(getTranslation("registry.make"), choices.makes(), true);
            calibre = PickList.of(getTranslation("registry.calibre"), choices.calibres(), true);
            country = PickList.of(getTranslation("recovery.country-of-manufacture"), choices.countries(), false);
            model.setLabel(getTranslation("registry.model"));
            model.setMaxLength(100);
            serial.setLabel(getTranslation("registry.serial-as-read"));
            serial.setHelperText(getTranslation("recovery.serial-help"));
            serial.setMaxLength(64);
            serial.addClassName("serial-input");
            obliterated.setLabel(getTranslation("recovery.obliterated"));
            for (TextField t : List.of(model, serial)) {
                t.setValueChangeMode(ValueChangeMode.LAZY);
            }
            type.setId(p + "type");
            make.setId(p + "make");
            model.setId(p + "model");
            calibre.setId(p + "calibre");
            serial.setId(p + "serial");
            obliterated.setId(p + "obliterated");
            country.setId(p + "country");
            bind(p + "type", type, () -> PickList.text(type), t -> PickList.restore(type, choices.types(), t, false));
            bind(p + "make", make, () -> PickList.text(make), t -> PickList.restore(make, choices.makes(), t, true));
            bind(p + "model", model, model::getValue, model::setValue);
            bind(p + "calibre", calibre, () -> PickList.text(calibre),
                    t -> PickList.restore(calibre, choices.calibres(), t, true));
            bind(p + "serial", serial, serial::getValue, serial::setValue);
            bind(p + "obliterated", obliterated, () -> obliterated.getValue() ? "true" : "",
                    t -> obliterated.setValue("true".equals(t)));
            bind(p + "country", country, () -> PickList.text(country),
                    t -> PickList.restore(country, choices.countries(), t, false));
            bindHidden(p + "photos", photoList, t -> { });
            bindHidden(p + "markings", markingCount, t -> { });
            for (var c : List.of(type, make, calibre, country)) {
                c.addValueChangeListener(e -> showCompleteness());
            }
            model.addValueChangeListener(e -> showCompleteness());
            serial.addValueChangeListener(e -> showCompleteness());
            obliterated.addValueChangeListener(e -> showCompleteness());

            // A button per unreadable position: no hunting for "?" on a tablet keyboard.
            var unreadable = new Button("?", e -> {
                serial.setValue(serial.getValue() + "?");
                serial.focus();
            });
            unreadable.setId(p + "unreadable");
            unreadable.setTooltipText(getTranslation("recovery.unreadable-position"));
            unreadable.setAriaLabel(getTranslation("recovery.unreadable-position"));

            var form = new FormLayout(type, make, model, calibre, country, obliterated);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
            var serialRow = new HorizontalLayout(serial, unreadable);
            serialRow.setAlignItems(Alignment.BASELINE);
            serialRow.setWidthFull();
            serialRow.expand(serial);

            markings.setPadding(false);
            var addMarking = new Button(getTranslation("recovery.add-marking"), VaadinIcon.PLUS.create(), e -> {
                addMarking();
                changed();
            });
            addMarking.setId(p + "add-marking");

            gallery.setId(p + "photos");
            gallery.addClassName("photo-gallery");
            var upload = new Upload(UploadHandler.inMemory((metadata, bytes) ->
                    getUI().ifPresent(ui -> ui.access(() -> RecoveryForm.this.fireEvent(
                            new PhotoAdded(RecoveryForm.this, index, bytes, metadata.fileName()))))));
            upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/webp", ".jpg", ".jpeg", ".png", ".webp");
            upload.setMaxFileSize(Photos.MAX_BYTES);
            upload.setId(p + "upload");
            upload.setUploadButton(new Button(getTranslation("recovery.photo"), VaadinIcon.CAMERA.create()));
            upload.setDropAllowed(false);
            // Refused in the browser already (size, type), in the user's language; the server checks again.
            var uploadI18n = new com.vaadin.flow.component.upload.UploadI18N();
            uploadI18n.setError(new com.vaadin.flow.component.upload.UploadI18N.Error()
                    .setFileIsTooBig(getTranslation("photo.too-large"))
                    .setIncorrectFileType(getTranslation("photo.not-image"))
                    .setTooManyFiles(getTranslation("photo.too-large")));
            upload.setI18n(uploadI18n);
            upload.addFileRejectedListener(e -> showError(e.getErrorMessage()));

            completeness.setId(p + "completeness");
            var title = new H3(getTranslation("recovery.weapon", index + 1));
            add(title, completeness, form, serialRow, new Span(getTranslation("recovery.markings")), markings, addMarking,
                    gallery, upload, photoList, markingCount);
            showCompleteness();
        }

        void ensureMarkings(int n) {
            while (markingRows.size() < n) {
                addMarking();
            }
        }

        private void addMarking() {
            var row = new MarkingRow(index, markingRows.size());
            markingRows.add(row);
            markings.add(row);
            markingCount.setValue(String.valueOf(markingRows.size()));
        }

        NewFirearm firearm() {
            return new NewFirearm(type.getValue() == null ? null : type.getValue().code(),
                    make.getValue() == null ? null : make.getValue().label(), blankToNull(model.getValue()),
                    calibre.getValue() == null ? null : calibre.getValue().label(), serial.getValue().strip(),
                    country.getValue() == null ? null : country.getValue().code(), null,
                    markingRows.stream().map(MarkingRow::marking).filter(java.util.Objects::nonNull).toList());
        }

        List<Photos.Staged> photos() {
            var out = new ArrayList<Photos.Staged>();
            for (String s : photoList.getValue().split(",")) {
                String[] f = s.split(":", 6);
                if (f.length == 6 && f[0].matches("[0-9a-f]{64}")) {
                    out.add(new Photos.Staged(f[0], f[1], Long.parseLong(f[2]), URLDecoder.decode(f[5],
                            StandardCharsets.UTF_8), Integer.parseInt(f[3]), Integer.parseInt(f[4])));
                }
            }
            return out;
        }

        void addPhoto(Photos.Staged s, DownloadHandler thumbnail) {
            String entry = String.join(":", s.sha256(), s.contentType(), String.valueOf(s.size()),
                    String.valueOf(s.width()), String.valueOf(s.height()),
                    URLEncoder.encode(s.fileName() == null ? "" : s.fileName(), StandardCharsets.UTF_8));
            photoList.setValue(photoList.getValue().isEmpty() ? entry : photoList.getValue() + "," + entry);
            gallery.add(thumb(thumbnail));
        }

        void showPhotos(Function<Photos.Staged, DownloadHandler> thumbnails) {
            gallery.removeAll();
            photos().forEach(s -> gallery.add(thumb(thumbnails.apply(s))));
        }

        private Image thumb(DownloadHandler handler) {
            var image = new Image(handler, getTranslation("firearm.photo"));
            image.addClassName("photo-thumb");
            return image;
        }

        void showCompleteness() {
            completeness.show(Completeness.of(firearm(), obliterated.getValue()), true);
        }
    }

    /** Another mark on the weapon: import, proof, arsenal or other, with its country. */
    final class MarkingRow extends HorizontalLayout {
        final ComboBox<PickList.Option> kindBox;
        final TextField text = new TextField();
        final ComboBox<PickList.Option> markCountry;
        private final List<PickList.Option> kinds;

        MarkingRow(int weapon, int index) {
            String p = "w" + weapon + ".m" + index + ".";
            kinds = java.util.Arrays.stream(NewFirearm.MarkingKind.values()).filter(k -> k != NewFirearm.MarkingKind.SERIAL)
                    .map(k -> PickList.Option.of(k.name(), getTranslation("marking.kind." + k.name()), java.util.stream.Stream.of()))
                    .toList();
            kindBox = PickList.of(getTranslation("recovery.marking-kind"), kinds, false);
            markCountry = PickList.of(getTranslation("recovery.marking-country"), choices.countries(), false);
            text.setLabel(getTranslation("recovery.marking-text"));
            text.setMaxLength(100);
            text.setValueChangeMode(ValueChangeMode.LAZY);
            kindBox.setId(p + "kind");
            text.setId(p + "text");
            markCountry.setId(p + "country");
            bind(p + "kind", kindBox, () -> PickList.text(kindBox), t -> PickList.restore(kindBox, kinds, t, false));
            bind(p + "text", text, text::getValue, text::setValue);
            bind(p + "country", markCountry, () -> PickList.text(markCountry),
                    t -> PickList.restore(markCountry, choices.countries(), t, false));
            for (var c : List.<HasValue<?, ?>>of(kindBox, text, markCountry)) {
                c.addValueChangeListener(e -> weapons.get(weapon).showCompleteness());
            }
            setWidthFull();
            setFlexGrow(1, text);
            add(kindBox, text, markCountry);
            setAlignItems(Alignment.BASELINE);
            getStyle().set("flex-wrap", "wrap");
        }

        NewFirearm.NewMarking marking() {
            if (text.getValue().isBlank() && markCountry.getValue() == null) {
                return null;
            }
            var k = kindBox.getValue() == null ? NewFirearm.MarkingKind.OTHER
                    : NewFirearm.MarkingKind.valueOf(kindBox.getValue().code());
            return new NewFirearm.NewMarking(k, text.getValue().strip(), null,
                    markCountry.getValue() == null ? null : markCountry.getValue().code(), null);
        }
    }

    // --- possessors ----------------------------------------------------------------------------

    private PossessorRow addPossessor() {
        var row = new PossessorRow(possessors.size());
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

    /** One person found in possession: looked up by personal number, or written down as new. */
    final class PossessorRow extends Div {
        final TextField nationalId = new TextField();
        final TextField given = new TextField();
        final TextField family = new TextField();
        final TextField parent = new TextField();
        final DatePicker birth = new DatePicker();
        final Input personId = hidden();
        final Span found = new Span();

        PossessorRow(int index) {
            addClassName("possessor-row");
            String p = "p" + index + ".";
            setId("possessor-" + index);
            nationalId.setLabel(getTranslation("person.national-id"));
            nationalId.setMaxLength(30);
            given.setLabel(getTranslation("person.given-name"));
            family.setLabel(getTranslation("person.family-name"));
            parent.setLabel(getTranslation("person.parent-name"));
            for (TextField t : List.of(nationalId, given, family, parent)) {
                t.setValueChangeMode(ValueChangeMode.LAZY);
                if (t != nationalId) {
                    t.setMaxLength(100);
                }
            }
            birth.setLabel(getTranslation("person.birth-date"));
            birth.setMax(LocalDate.now());
            nationalId.setId(p + "nid");
            given.setId(p + "given");
            family.setId(p + "family");
            parent.setId(p + "parent");
            birth.setId(p + "birth");
            bind(p + "nid", nationalId, nationalId::getValue, nationalId::setValue);
            bind(p + "given", given, given::getValue, given::setValue);
            bind(p + "family", family, family::getValue, family::setValue);
            bind(p + "parent", parent, parent::getValue, parent::setValue);
            bind(p + "birth", birth, () -> birth.getValue() == null ? "" : birth.getValue().toString(), t -> {
                try {
                    birth.setValue(t == null || t.isBlank() ? null : LocalDate.parse(t.strip()));
                } catch (DateTimeParseException e) {
                    birth.clear();
                }
            });
            bindHidden(p + "personId", personId, t -> found.setText(t == null || t.isBlank() ? ""
                    : getTranslation("recovery.possessor-known")));
            var lookUp = new Button(getTranslation("recovery.identify"), VaadinIcon.SEARCH.create(),
                    e -> RecoveryForm.this.fireEvent(new IdentifyPossessor(RecoveryForm.this, index, nationalId.getValue())));
            lookUp.setId(p + "identify");
            found.setId(p + "found");
            var form = new FormLayout(nationalId, lookUp, given, family, parent, birth);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
            add(form, found, personId);
        }

        void identified(String id, String name) {
            personId.setValue(id == null ? "" : id);
            found.setText(id == null ? getTranslation("recovery.possessor-unknown")
                    : getTranslation("recovery.possessor-found", name));
        }

        boolean blank() {
            // Anything typed makes the row count: a half-written person is refused, never dropped.
            return personId.getValue().isBlank() && given.getValue().isBlank() && family.getValue().isBlank()
                    && parent.getValue().isBlank() && nationalId.getValue().isBlank() && birth.getValue() == null;
        }

        NewRecovery.Possessor possessor() {
            if (!personId.getValue().isBlank()) {
                return new NewRecovery.Possessor(personId.getValue(), null);
            }
            return NewRecovery.Possessor.of(given.getValue(), family.getValue(), parent.getValue(), birth.getValue(),
                    nationalId.getValue());
        }
    }

    // --- submission ------------------------------------------------------------------------------

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
        Double la = parseDouble(lat.getValue());
        Double lo = parseDouble(lon.getValue());
        Place place = null;
        if (la != null && lo != null) {
            Place.Method how = java.util.Arrays.stream(Place.Method.values())
                    .filter(m -> m.name().equals(method.getValue())).findFirst().orElse(Place.Method.MAP);
            place = new Place(la, lo, parseDouble(accuracy.getValue()), how,
                    municipality.getValue() == null ? null : municipality.getValue().code());
        } else if (municipality.getValue() != null) {
            place = new Place(municipality.getValue().centreLatitude(), municipality.getValue().centreLongitude(), null,
                    Place.Method.MUNICIPALITY, municipality.getValue().code());
        }
        if (kind.getValue() == null) {
            throw new RecoveryRejected("recovery.no-kind");
        }
        if (at.getValue() == null) {
            throw new RecoveryRejected("recovery.no-date");
        }
        var weaponList = weapons.stream().map(w -> new NewRecovery.RecoveredWeapon(w.firearm(),
                w.obliterated.getValue(), w.photos())).toList();
        var people = possessors.stream().filter(p -> !p.blank()).map(PossessorRow::possessor).toList();
        return new NewRecovery(draftKey, kind.getValue(),
                at.getValue().atZone(ZoneId.systemDefault()).toInstant(), place, blankToNull(circumstances.getValue()),
                blankToNull(caseReference.getValue()), people, weaponList);
    }

    public void showError(String message) {
        errors.setText(message);
        errors.setVisible(message != null && !message.isBlank());
    }

    /** After a refused save: the officer corrects and taps again. */
    public void enableSave() {
        save.setEnabled(true);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // --- events -------------------------------------------------------------------------------

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
