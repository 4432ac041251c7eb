package org.armstrace.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceApplication;
import org.armstrace.ArmsTraceTest;
import org.armstrace.ChildJvmTest;
import org.armstrace.base.ContentStore;
import org.armstrace.graph.EmbeddedStoreFiles;
import org.armstrace.importer.ImportCommand;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.Photos;
import org.armstrace.registry.Provenance;
import org.armstrace.security.AuditCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementService;

/**
 * A backup taken with the command line and restored into another data directory gives back the same
 * graph (counts per label and relationship type), the same files and an audit chain that verifies; a
 * damaged archive, a directory in use or one that is not empty is refused before anything is written.
 *
 * <p>The commands run in this JVM as {@code ArmsTraceApplication.main} runs them. The class runs in
 * Failsafe beside the other command-line tests, because it starts two application contexts of its own
 * (the installation that is backed up, and the restored one for audit-verify), which must not join
 * Surefire's shared one; one original store and one archive serve every test.
 */
// In the same JVM as the browser tests: their application context installs Vaadin's security-context
// strategy in SecurityContextHolder (a JVM-wide static) as it starts, which drops the administrator
// this class's commands act as if it happens mid-run. Asking for that shared context first makes it
// start before any command runs (and costs nothing: Failsafe starts it anyway).
@ArmsTraceTest
@ChildJvmTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreTests {

    private static final Path SAMPLES = Path.of("import/samples");
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    @TempDir
    static Path tmp;

    private Path original;
    private Path archive;
    private EmbeddedStoreFiles.Counts before;
    private String photo;
    private Command refusedWhileRunning;

    /** An installation with imported registry data, a weapon with a photo and their audit events; then its backup. */
    @BeforeAll
    void an_installation_and_its_backup() throws Exception {
        original = tmp.resolve("original");
        archive = tmp.resolve("armstrace-backup.zip");
        var context = ArmsTraceApplication.command(ImportCommand.NAME, options(original, List.of(ImportCommand.NAME)));
        try {
            for (List<String> e : List.of(List.of("kosovo-organisations", "organisations.csv"),
                    List.of("kosovo-lost-stolen", "lost-stolen.csv"))) {
                int code = context.getBean(ImportCommand.class).run(new String[]{ImportCommand.NAME, "--profile", e.get(0),
                        SAMPLES.resolve(e.get(1)).toString()});
                assertThat(code).isZero();
            }
            var provenance = new Provenance("user:officer1", Provenance.Confidence.HIGH);
            Firearm weapon = Actors.officer(() -> context.getBean(FirearmRegistry.class).register(NewFirearms.newFirearm()
                    .type("pistol").make("CZ").model("83").serial("BK-1").build(), provenance));
            photo = Actors.officer(() -> context.getBean(Photos.class).attach(weapon.id(), PNG, "serial.png", "serial",
                    provenance)).sha256();
            refusedWhileRunning = command(BackupCommands.BACKUP, original, archive.toString());
            before = EmbeddedStoreFiles.counts(context.getBean(DatabaseManagementService.class).database("neo4j"));
        } finally {
            context.close();
        }
        Command backup = command(BackupCommands.BACKUP, original, archive.toString());
        assertThat(backup.code()).as(backup.output()).isZero();
    }

    @Test
    void a_backup_is_refused_while_the_application_runs_on_the_data_directory() {
        assertThat(refusedWhileRunning.code()).isEqualTo(2);
        assertThat(refusedWhileRunning.output()).contains("is in use").contains("Stop it");
    }

    @Test
    void the_backup_holds_the_dump_the_files_and_a_manifest_with_counts_hashes_and_no_audit_key() throws IOException {
        Manifest manifest;
        try (var zip = new ZipFile(archive.toFile())) {
            manifest = Manifest.read(zip.getInputStream(zip.getEntry(Manifest.NAME)));
            assertThat(zip.stream().map(ZipEntry::getName)).contains("database/neo4j.dump",
                    "files/photos/" + photo.substring(0, 2) + "/" + photo, Manifest.NAME);
            assertThat(zip.stream().map(ZipEntry::getName)).noneMatch(n -> n.contains("audit.key") || n.contains("neo4j-password"));
        }
        assertThat(manifest.counts()).isEqualTo(before);
        assertThat(manifest.labels()).containsKeys("Organisation", "ImportBatch", "ImportIssue", "Firearm", "Photo", "AuditEvent");
        assertThat(manifest.relationshipTypes()).isNotEmpty();
        assertThat(manifest.entries()).anySatisfy(e -> assertThat(e.sha256()).isEqualTo(photo));
        assertThat(manifest.auditKey().path()).isEqualTo(original.resolve("audit.key").toString());
        // It holds every person in the registry: its owner alone may read it.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-------");
    }

    @Test
    void a_restore_into_an_empty_directory_has_the_same_counts_the_photos_and_an_intact_audit_chain() throws Exception {
        Path restored = tmp.resolve("restored");
        Command restore = command(BackupCommands.RESTORE, restored, archive.toString());
        assertThat(restore.code()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("Counts checked");
        assertThat(EmbeddedStoreFiles.counts(restored.resolve("graph"), "neo4j", 32L << 20)).isEqualTo(before);
        assertThat(new ContentStore(restored.resolve("photos")).get(photo)).isEqualTo(PNG);

        // The key is copied apart from the archive, as the README says; the chain then verifies.
        if (Files.exists(original.resolve("audit.key"))) {
            Files.copy(original.resolve("audit.key"), restored.resolve("audit.key"));
        }
        var printed = new ByteArrayOutputStream();
        int code = ArmsTraceApplication.runCommand(options(restored, List.of(AuditCommand.NAME)),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Audit chain intact");
    }

    @Test
    void a_restore_of_an_archive_with_one_byte_changed_is_refused_and_writes_nothing() throws IOException {
        Path flipped = tmp.resolve("flipped.zip");
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 3] ^= 0x01; // inside the dump, the largest entry
        Files.write(flipped, bytes);
        Path target = tmp.resolve("target-flipped");
        Command restore = command(BackupCommands.RESTORE, target, flipped.toString());
        assertThat(restore.code()).as(restore.output()).isEqualTo(1);
        assertThat(restore.output()).contains("failed its check").contains("Nothing was restored");
        assertThat(target).satisfiesAnyOf(t -> assertThat(t).doesNotExist(), t -> assertThat(t).isEmptyDirectory());

        // A well-formed zip whose photo was replaced: only the manifest's SHA-256 can tell.
        Path rewritten = tmp.resolve("rewritten.zip");
        String photoEntry = "files/photos/" + photo.substring(0, 2) + "/" + photo;
        try (var in = new ZipFile(archive.toFile()); var out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            for (ZipEntry e : in.stream().toList()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                byte[] content = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(photoEntry)) {
                    content[content.length - 1] ^= 0x01;
                }
                out.write(content);
                out.closeEntry();
            }
        }
        restore = command(BackupCommands.RESTORE, target, rewritten.toString());
        assertThat(restore.code()).as(restore.output()).isEqualTo(1);
        assertThat(restore.output()).contains(photoEntry + " does not match its SHA-256");
        assertThat(target).satisfiesAnyOf(t -> assertThat(t).doesNotExist(), t -> assertThat(t).isEmptyDirectory());
    }

    @Test
    void a_restore_into_a_directory_that_is_not_empty_is_refused_unless_forced_and_then_moves_the_old_content_aside()
            throws IOException {
        Path target = tmp.resolve("occupied");
        Files.createDirectories(target.resolve("photos"));
        Files.writeString(target.resolve("notes.txt"), "kept");

        Command refused = command(BackupCommands.RESTORE, target, archive.toString());
        assertThat(refused.code()).as(refused.output()).isEqualTo(2);
        assertThat(refused.output()).contains("is not empty").contains("--force");
        assertThat(target.resolve("graph")).doesNotExist();
        assertThat(target.resolve("notes.txt")).hasContent("kept");

        Command forced = command(BackupCommands.RESTORE, target, archive.toString(), BackupCommands.FORCE);
        assertThat(forced.code()).as(forced.output()).isZero();
        List<Path> replaced;
        try (var entries = Files.list(target)) {
            replaced = entries.filter(p -> p.getFileName().toString().startsWith("replaced-")).toList();
        }
        assertThat(replaced).hasSize(1);
        assertThat(replaced.getFirst().resolve("notes.txt")).hasContent("kept");
        assertThat(target.resolve("notes.txt")).doesNotExist();
        assertThat(new ContentStore(target.resolve("photos")).get(photo)).isEqualTo(PNG);
    }

    private record Command(int code, String output) {
    }

    /** A backup or restore as {@code ArmsTraceApplication.main} runs it, on the data directory {@code data}. */
    private static Command command(String name, Path data, String... args) {
        var all = new ArrayList<>(List.of(name));
        all.addAll(List.of(args));
        String[] arguments = options(data, all);
        var printed = new ByteArrayOutputStream();
        var out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int code = ArmsTraceApplication.runCommand(arguments, out);
        return new Command(code, printed.toString(StandardCharsets.UTF_8));
    }

    private static String[] options(Path data, List<String> args) {
        var all = new ArrayList<>(args);
        all.addAll(List.of("--armstrace.neo4j.data-dir=" + data, "--armstrace.neo4j.bolt-port=0",
                "--armstrace.neo4j.page-cache=32MB", "--armstrace.neo4j.replan-interval=1h", "--armstrace.admin.username=admin",
                "--armstrace.admin.password=Kosovo-FFP-2026-pw!", "--logging.level.root=warn"));
        return all.toArray(String[]::new);
    }
}
