package io.lakeshift.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md, on the production classes:
 * {@code cli -> job (the only Spark code) -> run -> plan / transfer / log / table -> source / target / verify
 * -> oci / fs -> io -> secrets -> config -> model}; the emulator stands apart.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.lakeshift");

    /** Each layer, top first; a layer may use only the layers below it (and itself). */
    private static final List<String[]> LAYERS = List.of(
            new String[] {"cli"},
            new String[] {"job"},
            new String[] {"run"},
            new String[] {"plan", "transfer", "log", "table"},
            new String[] {"source", "target", "verify"},
            new String[] {"oci", "fs"},
            new String[] {"io"},
            new String[] {"secrets"},
            new String[] {"config"},
            new String[] {"model"});

    static ArchRule sparkOnlyInJob() {
        return noClasses().that().resideOutsideOfPackage("io.lakeshift.job..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.spark..")
                .as("only job uses Spark");
    }

    static ArchRule emulatorStandsApart() {
        return noClasses().that().resideInAPackage("io.lakeshift.emulator..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.lakeshift.emulator..", "java..",
                        "javax..", "com.sun.net.httpserver..", "com.fasterxml.jackson..", "jdk..",
                        // the JDK's own XML DOM (java.xml), for the S3 API's request bodies
                        "org.w3c.dom..", "org.xml.sax..")
                .as("the emulator imports nothing of the job");
    }

    static ArchRule onlyTheCliStartsTheEmulator() {
        return noClasses().that().resideOutsideOfPackages("io.lakeshift.emulator..", "io.lakeshift.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.lakeshift.emulator..")
                .as("only the cli's emulator and demo commands use the emulator");
    }

    static ArchRule layer(int i) {
        String[] below = LAYERS.subList(0, i).stream().flatMap(java.util.Arrays::stream)
                .map(p -> "io.lakeshift." + p + "..").toArray(String[]::new);
        String[] here = java.util.Arrays.stream(LAYERS.get(i)).map(p -> "io.lakeshift." + p + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAnyPackage(here).should().dependOnClassesThat().resideInAnyPackage(below)
                .as(String.join("/", LAYERS.get(i)) + " uses no layer above it");
    }

    @Test
    void sparkLivesOnlyInJob() {
        sparkOnlyInJob().check(MAIN);
    }

    @Test
    void theEmulatorStandsApart() {
        emulatorStandsApart().check(MAIN);
        onlyTheCliStartsTheEmulator().check(MAIN);
    }

    @Test
    void dependenciesPointOneWayAndHaveNoCycles() {
        for (int i = 1; i < LAYERS.size(); i++) {
            layer(i).check(MAIN);
        }
        slices().matching("io.lakeshift.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /** The rules can fail: each refuses a class written to break it (test code, imported on its own). */
    @Test
    void theRulesRefuseAForbiddenImport() {
        JavaClasses bad = new ClassFileImporter().importClasses(io.lakeshift.model.ForbiddenImports.class);
        assertTrue(sparkOnlyInJob().evaluate(bad).hasViolation(), "a model class using Spark");
        assertTrue(layer(LAYERS.size() - 1).evaluate(bad).hasViolation(), "model using the plan (a layer above)");
        JavaClasses good = new ClassFileImporter().importClasses(io.lakeshift.model.ByteSize.class);
        assertFalse(sparkOnlyInJob().evaluate(good).hasViolation());
    }
}
