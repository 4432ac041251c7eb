package org.armstrace.recovery.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.Basemaps;
import org.armstrace.recovery.Municipalities;
import org.armstrace.recovery.NewRecovery;
import org.armstrace.recovery.Place;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.RecoveryDrafts;
import org.armstrace.recovery.RecoveryRejected;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Photos;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "New recovery" on the officer's tablet. Keeps the draft on the server on every change and in the
 * browser in between ({@code armstrace-draft.js}); when the form opens again it continues the
 * newest copy, so a closed tab or minutes offline lose nothing. Saving records the recovery under
 * the draft's id (one recovery per draft, whatever happens to the network) and shows the instant
 * checks' hits.
 */
@Route("recoveries/new")
@Menu(order = 20, title = "menu.new-recovery", icon = "vaadin:crosshairs")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE, Role.Names.FIELD_OFFICER})
public class NewRecoveryView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Recoveries recoveries;
    private final RecoveryDrafts drafts;
    private final Photos photos;
    private final PersonRegistry people;
    private final Municipalities municipalities;
    private final RecoveryForm form;
    private final Div banner = new Div();
    private final Span saved = new Span();
    private String requestedDraft;

    public NewRecoveryView(Recoveries recoveries, RecoveryDrafts drafts, Photos photos, PersonRegistry people,
                           ReferenceData reference, Municipalities municipalities, Basemaps basemaps) {
        this.recoveries = recoveries;
        this.drafts = drafts;
        this.photos = photos;
        this.people = people;
        this.municipalities = municipalities;
        addClassName("recovery-view");
        setMaxWidth("1100px");
        this.form = new RecoveryForm(choices(reference, municipalities, basemaps, photos.maxBytes()));
        form.setDraftKey(UUID.randomUUID().toString());
        banner.setId("recovery-draft-banner");
        banner.addClassName("draft-banner");
        banner.setVisible(false);
        saved.setId("recovery-draft-state");
        saved.addClassName("draft-state");

        form.addDraftChangedListener(e -> saveDraft(e.fields()));
        form.addSubmitListener(e -> submit(e.recovery()));
        form.addPhotoAddedListener(e -> {
            try {
                Photos.Staged staged = photos.stage(e.content(), e.fileName());
                form.addPhoto(e.weapon(), staged, thumbnail(staged));
            } catch (Photos.Refused refused) {
                form.showError(getTranslation(refused.key(), refused.args()));
            }
        });
        form.addIdentifyListener(e -> people.identify(e.nationalId()).ifPresentOrElse(
                p -> form.showIdentified(e.index(), p.id(), p.givenName() + " " + p.familyName()
                        + (p.birthDate() == null ? "" : " (" + p.birthDate().getYear() + ")")),
                () -> form.showIdentified(e.index(), null, null)));
        form.addLocateListener(e -> form.getElement().executeJs("return window.armstraceDraft.locate(this)")
                .then(JsonNode.class, position -> {
                    if (position == null || position.isNull() || !position.has("lat")) {
                        form.showLocationUnavailable();
                        return;
                    }
                    double lat = position.get("lat").asDouble();
                    double lon = position.get("lon").asDouble();
                    form.setPosition(lat, lon, position.get("accuracy").asDouble(), Place.Method.DEVICE);
                    municipalities.at(lat, lon).ifPresent(form::setMunicipality);
                }, error -> form.showLocationUnavailable()));
        form.addMapPickListener(e -> municipalities.at(e.lat(), e.lon()).ifPresent(form::setMunicipality));
        form.getElement().addEventListener("draft-found", e -> browserCopy(e.getEventData().get("event.detail").asString()))
                .addEventData("event.detail");

        var header = new HorizontalLayout(new H2(getTranslation("recovery.new")), saved);
        header.setAlignItems(Alignment.BASELINE);
        add(header, banner, form);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recovery.new");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        requestedDraft = event.getLocation().getQueryParameters().getSingleParameter("draft").orElse(null);
    }

    /**
     * Which draft to continue: the one asked for, else the officer's most recent open draft on the
     * server, else a new one. A browser copy with typing the server never got is offered by the
     * page itself ({@code draft-found}) and wins over the server's copy field by field.
     */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (requestedDraft != null) {
            drafts.find(requestedDraft).filter(RecoveryDrafts.RecoveryDraft::open).ifPresent(d -> continueDraft(d.id(),
                    d.fields(), Map.of()));
        } else {
            drafts.open().stream().findFirst().ifPresent(d -> continueDraft(d.id(), d.fields(), Map.of()));
        }
        watch();
    }

    /** The browser's copy of a draft: continued unless that draft was submitted meanwhile. */
    private void browserCopy(String copy) {
        Optional<JsonNode> local = parse(copy);
        String key = local.map(n -> n.path("key").asString("")).orElse("");
        if (key.isEmpty() || !key.matches("[A-Za-z0-9-]{8,64}")) {
            return;
        }
        Optional<RecoveryDrafts.RecoveryDraft> server = drafts.find(key);
        if (server.map(RecoveryDrafts.RecoveryDraft::open).orElse(true)) {
            continueDraft(key, server.map(RecoveryDrafts.RecoveryDraft::fields).orElse(Map.of()),
                    fields(local.get().path("fields")));
            saveDraft(form.fields());
            watch();
        } else {
            form.getElement().executeJs("window.armstraceDraft.clear($0)", key);
        }
    }

    private void continueDraft(String key, Map<String, String> server, Map<String, String> local) {
        var merged = new LinkedHashMap<>(server);
        merged.putAll(local); // typing the server never received wins
        form.setDraftKey(key);
        form.restore(merged);
        form.showPhotos(this::thumbnail);
        banner.removeAll();
        var fresh = new Button(getTranslation("recovery.start-new"), e -> {
            drafts.discard(key);
            form.getElement().executeJs("window.armstraceDraft.clear($0)", key);
            getUI().ifPresent(ui -> ui.getPage().reload());
        });
        fresh.setId("recovery-start-new");
        fresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        banner.add(new Span(getTranslation("recovery.continuing")), fresh);
        banner.setVisible(true);
    }

    private void watch() {
        // On every page load: the page keeps the key in memory only (see armstrace-draft.js).
        form.getElement().executeJs("window.armstraceDraft.watch(this, $0, $1, $2)", form.draftKey(),
                DraftCipher.scope(AuditLog.currentActor()), DraftCipher.key(VaadinSession.getCurrent().getSession()));
    }

    private void saveDraft(Map<String, String> fields) {
        try {
            drafts.save(form.draftKey(), fields);
            saved.setText(getTranslation("recovery.draft-saved",
                    LocalTime.now(Dates.zone()).format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
            form.getElement().executeJs("window.armstraceDraft.ack(this, $0)", form.draftKey());
        } catch (RecoveryRejected closed) {
            // Submitted in another tab: go on in a new draft rather than lose this typing.
            form.setDraftKey(UUID.randomUUID().toString());
            watch();
            drafts.save(form.draftKey(), fields);
        }
    }

    private void submit(NewRecovery recovery) {
        try {
            Recoveries.Recorded recorded = recoveries.record(recovery);
            // On the page, not the form: the form leaves the page in this same round trip.
            getUI().ifPresent(ui -> ui.getPage().executeJs("window.armstraceDraft.clear($0)", recovery.idempotencyKey()));
            var recovered = recoveries.find(recorded.recoveryId()).orElseThrow();
            removeAll();
            var title = new H2(getTranslation(recorded.created() ? "recovery.saved" : "recovery.saved-before"));
            title.setId("recovery-saved");
            var open = new Anchor("recovery/" + recorded.recoveryId(), getTranslation("recovery.open"));
            open.setId("recovery-open");
            var another = new Button(getTranslation("recovery.another"), e -> getUI().ifPresent(ui ->
                    ui.navigate(NewRecoveryView.class)));
            another.setId("recovery-another");
            another.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(title, new CheckResults(recovered.weapons(), recorded.checks()), new HorizontalLayout(another, open));
        } catch (RecoveryRejected e) {
            form.showError(getTranslation(e.getMessage()));
            form.enableSave();
        } catch (Photos.Refused e) {
            form.showError(getTranslation(e.key(), e.args()));
            form.enableSave();
        }
    }

    private DownloadHandler thumbnail(Photos.Staged s) {
        return Thumbnails.of(photos, s.sha256(), s.contentType());
    }

    private static Optional<JsonNode> parse(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(json));
        } catch (RuntimeException e) {
            return Optional.empty(); // a damaged copy: the server's is used
        }
    }

    private static Map<String, String> fields(JsonNode node) {
        var out = new LinkedHashMap<String, String>();
        node.properties().forEach(e -> {
            if (out.size() < RecoveryDrafts.MAX_FIELDS && e.getKey().length() <= 100) {
                String v = e.getValue().asString("");
                out.put(e.getKey(), v.length() > RecoveryDrafts.MAX_VALUE ? v.substring(0, RecoveryDrafts.MAX_VALUE) : v);
            }
        });
        return out;
    }

    static RecoveryForm.Choices choices(ReferenceData reference, Municipalities municipalities, Basemaps basemaps,
                                        long photoMaxBytes) {
        var locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        var types = reference.firearmTypes().stream().filter(t -> !t.retired())
                .map(t -> PickList.Option.of(t.code(), t.name(locale), Stream.concat(t.aliases().stream(),
                        Stream.of(t.nameEn(), t.nameSq(), t.nameSr())))).toList();
        var makes = reference.manufacturers().stream().filter(m -> !m.retired())
                .map(m -> PickList.Option.of(m.code(), m.name(), m.aliases().stream())).toList();
        var calibres = reference.calibres().stream().filter(c -> !c.retired())
                .map(c -> PickList.Option.of(c.code(), c.name(), c.aliases().stream())).toList();
        var countries = reference.countries().stream()
                .map(c -> PickList.Option.of(c.code(), c.name(locale), Stream.of(c.nameEn(), c.nameSq(), c.nameSr())))
                .toList();
        return new RecoveryForm.Choices(types, makes, calibres, countries, municipalities.all(),
                basemaps.of(locale, false), photoMaxBytes, reference.modelLookup());
    }
}
