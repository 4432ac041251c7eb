package org.armstrace.recovery.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.armstrace.base.ui.BoundedUpload;
import org.armstrace.base.ui.ModelBox;
import org.armstrace.recovery.Completeness;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.Photos;

/** One weapon's card: identification, serial as read, markings, photos and its ISACS completeness. */
final class WeaponCard extends Div {

    final int index;
    final ComboBox<PickList.Option> type;
    final ComboBox<PickList.Option> make;
    final ModelBox model;
    final ComboBox<PickList.Option> calibre;
    final TextField serial = new TextField();
    final Checkbox obliterated = new Checkbox();
    final ComboBox<PickList.Option> country;
    final Input photoList = DraftBinder.hidden();
    final Input markingCount = DraftBinder.hidden();
    final VerticalLayout markings = new VerticalLayout();
    final List<MarkingRow> markingRows = new ArrayList<>();
    final FlexLayout gallery = new FlexLayout();
    final CompletenessChips completeness = new CompletenessChips();
    private final RecoveryForm.Choices choices;
    private final DraftBinder binder;

    /**
     * Card {@code index}. {@code photoAdded} gets each uploaded photo (content, file name) to stage;
     * {@code refused} the browser's reason for refusing a file.
     */
    WeaponCard(int index, RecoveryForm.Choices choices, DraftBinder binder, BiConsumer<byte[], String> photoAdded,
               Consumer<String> refused) {
        this.index = index;
        this.choices = choices;
        this.binder = binder;
        addClassName("weapon-card");
        setId("weapon-" + index);
        String p = "w" + index + ".";
        type = PickList.of(getTranslation("registry.type"), choices.types(), false);
        make = PickList.of(getTranslation("registry.make"), choices.makes(), true);
        calibre = PickList.of(getTranslation("registry.calibre"), choices.calibres(), true);
        country = PickList.of(getTranslation("recovery.country-of-manufacture"), choices.countries(), false);
        // The make's models from reference data; a model the list does not have is kept as the officer read it.
        model = new ModelBox(getTranslation("registry.model"), choices.models(), this::makeAsPicked);
        make.addValueChangeListener(e -> model.makeChanged());
        serial.setLabel(getTranslation("registry.serial-as-read"));
        serial.setHelperText(getTranslation("recovery.serial-help"));
        serial.setMaxLength(64);
        serial.addClassName("serial-input");
        obliterated.setLabel(getTranslation("recovery.obliterated"));
        serial.setValueChangeMode(ValueChangeMode.LAZY);
        bind(p);

        var form = new FormLayout(type, make, model, calibre, country, obliterated);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        markings.setPadding(false);
        var addMarking = new Button(getTranslation("recovery.add-marking"), VaadinIcon.PLUS.create(), e -> {
            addMarking();
            binder.changed();
        });
        addMarking.setId(p + "add-marking");
        gallery.setId(p + "photos");
        gallery.addClassName("photo-gallery");
        completeness.setId(p + "completeness");
        var title = new H3(getTranslation("recovery.weapon", index + 1));
        add(title, completeness, form, serialRow(p), new Span(getTranslation("recovery.markings")), markings, addMarking,
                gallery, upload(p, photoAdded, refused), photoList, markingCount);
        showCompleteness();
    }

    /** Gives each field its id and draft id; every change redraws the completeness. */
    private void bind(String p) {
        type.setId(p + "type");
        make.setId(p + "make");
        model.setId(p + "model");
        calibre.setId(p + "calibre");
        serial.setId(p + "serial");
        obliterated.setId(p + "obliterated");
        country.setId(p + "country");
        binder.bind(p + "type", type, () -> PickList.text(type), t -> PickList.restore(type, choices.types(), t, false));
        binder.bind(p + "make", make, () -> PickList.text(make), t -> PickList.restore(make, choices.makes(), t, true));
        binder.bind(p + "model", model, () -> model.model() == null ? "" : model.model(), model::show);
        binder.bind(p + "calibre", calibre, () -> PickList.text(calibre),
                t -> PickList.restore(calibre, choices.calibres(), t, true));
        binder.bind(p + "serial", serial, serial::getValue, serial::setValue);
        binder.bind(p + "obliterated", obliterated, () -> obliterated.getValue() ? "true" : "",
                t -> obliterated.setValue("true".equals(t)));
        binder.bind(p + "country", country, () -> PickList.text(country),
                t -> PickList.restore(country, choices.countries(), t, false));
        binder.bindHidden(p + "photos", photoList, t -> { });
        binder.bindHidden(p + "markings", markingCount, t -> { });
        for (var c : List.of(type, make, calibre, country)) {
            c.addValueChangeListener(e -> showCompleteness());
        }
        model.addValueChangeListener(e -> showCompleteness());
        serial.addValueChangeListener(e -> showCompleteness());
        obliterated.addValueChangeListener(e -> showCompleteness());
    }

    private HorizontalLayout serialRow(String p) {
        // A button per unreadable position: no hunting for "?" on a tablet keyboard.
        var unreadable = new Button("?", e -> {
            serial.setValue(serial.getValue() + "?");
            serial.focus();
        });
        unreadable.setId(p + "unreadable");
        unreadable.setTooltipText(getTranslation("recovery.unreadable-position"));
        unreadable.setAriaLabel(getTranslation("recovery.unreadable-position"));
        var serialRow = new HorizontalLayout(serial, unreadable);
        serialRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        serialRow.setWidthFull();
        serialRow.expand(serial);
        return serialRow;
    }

    private Upload upload(String p, BiConsumer<byte[], String> photoAdded, Consumer<String> refused) {
        long max = choices.photoMaxBytes();
        String tooLarge = getTranslation("photo.too-large", max >> 20);
        // Written to a temporary file as it arrives and refused once past the limit: never the whole body on the heap.
        var upload = new Upload(new BoundedUpload(max, (event, file) -> {
            byte[] bytes = Files.readAllBytes(file);
            event.getUI().access(() -> photoAdded.accept(bytes, event.getFileName()));
        }, event -> event.getUI().access(() -> refused.accept(tooLarge))));
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/webp", ".jpg", ".jpeg", ".png", ".webp");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max));
        upload.setId(p + "upload");
        upload.setUploadButton(new Button(getTranslation("recovery.photo"), VaadinIcon.CAMERA.create()));
        upload.setDropAllowed(false);
        // Refused in the browser already (size, type), in the user's language; the server checks again.
        var uploadI18n = new UploadI18N();
        uploadI18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(tooLarge)
                .setIncorrectFileType(getTranslation("photo.not-image"))
                .setTooManyFiles(tooLarge));
        upload.setI18n(uploadI18n);
        upload.addFileRejectedListener(e -> refused.accept(e.getErrorMessage()));
        return upload;
    }

    /** At least {@code n} marking rows, as a restored draft had. */
    void ensureMarkings(int n) {
        while (markingRows.size() < n) {
            addMarking();
        }
    }

    private void addMarking() {
        var row = new MarkingRow(index, markingRows.size(), choices.countries(), binder, this::showCompleteness);
        markingRows.add(row);
        markings.add(row);
        markingCount.setValue(String.valueOf(markingRows.size()));
    }

    NewFirearm firearm() {
        return new NewFirearm(type.getValue() == null ? null : type.getValue().code(),
                make.getValue() == null ? null : make.getValue().label(), model.model(),
                calibre.getValue() == null ? null : calibre.getValue().label(), serial.getValue().strip(),
                country.getValue() == null ? null : country.getValue().code(), null,
                markingRows.stream().map(MarkingRow::marking).filter(Objects::nonNull).toList());
    }

    /** The make as picked: its code, or as written when the reference data does not know it. */
    private String makeAsPicked() {
        var m = make.getValue();
        return m == null ? null : m.code() != null ? m.code() : m.label();
    }

    /** The staged photos, kept in the draft as {@code sha256:type:size:width:height:name} entries. */
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
