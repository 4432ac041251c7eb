package org.armstrace;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaModifier.PUBLIC;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * What Spring Modulith's verification ({@link ModulesTest}) does not check: the layering inside a
 * module. Modulith already rejects cycles between modules and any use of another module's internals.
 */
@AnalyzeClasses(packages = "org.armstrace", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

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
    static final ArchRule views_never_touch_the_database_driver =
            noClasses().that().resideInAPackage("..ui..")
                    .should().dependOnClassesThat().resideInAnyPackage("org.neo4j.driver..",
                            "org.springframework.data.neo4j..")
                    .as("views call services; they never touch the database driver or Spring Data Neo4j");

    /**
     * Cypher lives in a module's services (Spring components at the module root) and the
     * package-private helpers they hand the client to, never in views or REST controllers.
     */
    private static final DescribedPredicate<JavaClass> SERVICE_CLASSES =
            JavaClass.Predicates.resideInAPackage("org.armstrace.*")
                    .and(metaAnnotatedWith(Component.class).<JavaClass>forSubtype().or(not(modifier(PUBLIC))))
                    .as("a module's services (Spring components at its root, or package-private helpers there)");

    @ArchTest
    static final ArchRule neo4j_client_is_used_only_in_service_classes =
            noClasses().that(not(SERVICE_CLASSES))
                    .should().dependOnClassesThat().areAssignableTo(Neo4jClient.class);

    @ArchTest
    static final ArchRule no_feature_view_imports_another_features_view =
            SlicesRuleDefinition.slices().matching("org.armstrace.(*).ui..")
                    .should().notDependOnEachOther()
                    .ignoreDependency(JavaClass.Predicates.resideInAnyPackage("org.armstrace..ui.."),
                            JavaClass.Predicates.resideInAPackage("org.armstrace.base.ui.."))
                    // The one shared piece of a feature's UI: the "Add to case" button other pages place (issue 28).
                    .ignoreDependency(JavaClass.Predicates.resideInAnyPackage("org.armstrace..ui.."),
                            com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("org.armstrace.cases.ui.AddToCase"))
                    .as("no feature's ui package imports another feature's ui; the shell's base.ui is shared by all, "
                            + "and cases.ui.AddToCase by the pages that offer it");
}
