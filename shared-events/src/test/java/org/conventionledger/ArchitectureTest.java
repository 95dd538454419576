package org.conventionledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What the shared module promises every reader of the log (docs/adr-009-boundaries.md): the event catalogue,
 * the pure rules and the shared platform code run without Spring, MongoDB or Axon's runtime, so a garant's
 * tool can use them with neither service.
 */
@AnalyzeClasses(packages = "org.conventionledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FRAMEWORKS = {
        "org.springframework..", "com.mongodb..", "org.bson..", "org.axonframework.."
    };

    /** The rules re-run by `ledger`: plain Java (OR-Tools, Jackson and the tables aside), no framework at all. */
    @ArchTest
    static final ArchRule pureRulesUseNoFramework = noClasses()
            .that()
            .resideInAPackage("org.conventionledger.rules..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FRAMEWORKS);

    /** Each rule stands alone: a tool that recounts a judgment vote needs no panel solver. */
    @ArchTest
    static final ArchRule pureRulesAreIndependentOfEachOther = noClasses()
            .that()
            .resideInAPackage("org.conventionledger.rules.judgment..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.conventionledger.rules.selection..",
                    "org.conventionledger.rules.sortition..",
                    "com.google.ortools..");

    /**
     * Of Axon, only its serialization API: {@code @Revision}, which versions a payload, and the upcasters that
     * read an older revision; the module has it in {@code provided} scope.
     */
    @ArchTest
    static final ArchRule theCatalogueUsesNoFrameworkButRevisions = noClasses()
            .that()
            .resideInAPackage("org.conventionledger.events..")
            .should()
            .dependOnClassesThat(DescribedPredicate.describe(
                    "belong to a framework (Axon's serialization API aside)",
                    c -> !c.getPackageName().startsWith("org.axonframework.serialization")
                            && (c.getPackageName().startsWith("org.springframework")
                                    || c.getPackageName().startsWith("org.axonframework")
                                    || c.getPackageName().startsWith("com.mongodb")
                                    || c.getPackageName().startsWith("org.bson"))));

    /** The catalogue is the contract underneath everything: it uses neither the rules nor platform code. */
    @ArchTest
    static final ArchRule theCatalogueStandsAlone = noClasses()
            .that()
            .resideInAPackage("org.conventionledger.events..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.conventionledger.rules..", "org.conventionledger.platform..");

    /** Accounts, roles and owner-only files are read by the tools too: no framework there. */
    @ArchTest
    static final ArchRule sharedPlatformCodeUsesNoFramework = noClasses()
            .that()
            .resideInAnyPackage("org.conventionledger.platform.identity..", "org.conventionledger.platform.storage..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FRAMEWORKS);

    /** The services' shared web wiring is Spring (a provided dependency), but neither Axon nor the read store. */
    @ArchTest
    static final ArchRule sharedWebPlatformIsSpringOnly = noClasses()
            .that()
            .resideInAPackage("org.conventionledger.platform")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.mongodb..", "org.bson..", "org.axonframework..", "org.springframework.data..");
}
