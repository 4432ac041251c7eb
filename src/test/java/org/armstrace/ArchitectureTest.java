package org.armstrace;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.context.annotation.Configuration;

@AnalyzeClasses(packages = "org.armstrace", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule feature_packages_have_no_cycles =
            slices().matching("org.armstrace.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domain_code_does_not_depend_on_views =
            noClasses().that().resideOutsideOfPackage("..ui..")
                    .and().areNotAnnotatedWith(Configuration.class)
                    .and().resideOutsideOfPackage("org.armstrace.base")
                    .should().dependOnClassesThat().resideInAPackage("..ui..")
                    .as("services and records never depend on views (security configuration names the login view)");

    @ArchTest
    static final ArchRule domain_code_does_not_use_vaadin_components =
            noClasses().that().resideOutsideOfPackage("..ui..")
                    .and().resideOutsideOfPackage("org.armstrace.base")
                    .should().dependOnClassesThat().resideInAPackage("com.vaadin.flow.component..");

    @ArchTest
    static final ArchRule graph_entities_and_repositories_stay_inside_their_feature =
            noClasses().that().resideInAPackage("..ui..")
                    .should().dependOnClassesThat().resideInAPackage("org.neo4j.driver..")
                    .as("views call services; they never touch the database driver");
}
