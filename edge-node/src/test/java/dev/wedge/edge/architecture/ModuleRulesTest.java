package dev.wedge.edge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md, checked on the compiled classes of every module (the enforcer rules in
 * each pom check the same at the Maven level).
 */
class ModuleRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importWedge() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.wedge");
    }

    @Test
    void everyModuleIsImported() {
        // Guards the other rules: an empty import would make them pass vacuously.
        for (String pkg : new String[]{"scanner", "label", "routing", "sync", "edge"}) {
            org.assertj.core.api.Assertions.assertThat(classes.stream()
                    .anyMatch(c -> c.getPackageName().startsWith("dev.wedge." + pkg))).as(pkg).isTrue();
        }
    }

    @Test
    void nothingDependsOnTheEdgeNode() {
        noClasses().that().resideOutsideOfPackage("dev.wedge.edge..")
                .should().dependOnClassesThat().resideInAPackage("dev.wedge.edge..").check(classes);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("dev.wedge.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void scannerDriversKnowNoOtherModule() {
        noClasses().that().resideInAPackage("dev.wedge.scanner..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.wedge.label..", "dev.wedge.routing..", "dev.wedge.sync..")
                .check(classes);
    }

    @Test
    void labelPrintingUsesOnlyTheGs1PackageOfScannerDrivers() {
        noClasses().that().resideInAPackage("dev.wedge.label..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.wedge.routing..", "dev.wedge.sync..").check(classes);
        noClasses().that().resideInAPackage("dev.wedge.label..").should().dependOnClassesThat(
                com.tngtech.archunit.base.DescribedPredicate.describe("scanner classes outside gs1",
                        c -> c.getPackageName().startsWith("dev.wedge.scanner")
                                && !c.getPackageName().startsWith("dev.wedge.scanner.gs1"))).check(classes);
    }

    @Test
    void syncNeverKnowsAboutDevicesOrCamel() {
        noClasses().that().resideInAPackage("dev.wedge.sync..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.wedge.scanner..", "dev.wedge.label..", "dev.wedge.routing..",
                        "org.apache.camel..", "com.fazecast..", "com.google.zxing..").check(classes);
    }

    @Test
    void routingKnowsNoCamelAndNoOtherModule() {
        noClasses().that().resideInAPackage("dev.wedge.routing..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.wedge.scanner..", "dev.wedge.label..", "dev.wedge.sync..",
                        "org.apache.camel..").check(classes);
    }

    @Test
    void jspritTypesStayInTheRoutingAdapter() {
        noClasses().that().resideOutsideOfPackage("dev.wedge.routing.jsprit..").should().dependOnClassesThat()
                .resideInAPackage("com.graphhopper.jsprit..").check(classes);
    }
}
