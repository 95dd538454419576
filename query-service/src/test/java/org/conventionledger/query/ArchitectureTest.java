package org.conventionledger.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The query service's package boundaries, checked on its main code (docs/adr-009-boundaries.md). A feature
 * depends on {@code platform}, on the shared modules (the event catalogue, the shared platform code, the
 * tables) and on the features declared in {@link #DECLARED}, each with its reason. Features read each other
 * through controllers and views, never through a projection.
 */
@AnalyzeClasses(packages = ArchitectureTest.BASE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String BASE = "org.conventionledger.query";

    static final List<String> READ_MODELS = List.of(
            "organisation",
            "recruitment",
            "deliberation",
            "consultation",
            "votation",
            "oversight",
            "followup",
            "dashboard");

    static final List<String> FEATURES = Stream.concat(READ_MODELS.stream(), Stream.of("evaluation", "pages"))
            .toList();

    /** Which feature may use which other, and why. Anything not listed here is a violation. */
    static final Map<String, Map<String, String>> DECLARED = Map.of(
            "consultation",
                    Map.of("organisation", "an unknown convention is told from one without calls (ConventionSummary)"),
            "followup",
                    Map.of("votation", "a followed-up action shows how the residents ranked it (RankingController)"),
            "evaluation",
                    Map.of(
                            "organisation", "figures on sessions and attendance (SessionController)",
                            "recruitment", "figures on the recruitment funnel (RecruitmentController)",
                            "deliberation", "figures on the actions' histories (ActionHistoryController)",
                            "consultation", "figures on the consultations (ConsultationController)",
                            "dashboard", "turnout and the dashboard's counts (DashboardController)",
                            "oversight", "the audit trail's events (AuditEvent)"),
            "pages",
                    Stream.concat(READ_MODELS.stream(), Stream.of("evaluation"))
                            .collect(Collectors.toMap(
                                    f -> f,
                                    f -> "the pages show people, in French, what the feature's "
                                            + "controllers serve as JSON")));

    @ArchTest
    static final ArchRule everyPackageIsADeclaredFeatureOrPlatform = classes()
            .should()
            .resideInAnyPackage(Stream.concat(FEATURES.stream(), Stream.of("platform"))
                    .map(f -> BASE + "." + f + "..")
                    .toArray(String[]::new))
            .orShould()
            .resideInAPackage(BASE);

    @ArchTest
    static final ArchRule featuresFormNoCycle =
            slices().matching(BASE + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule featuresUseOnlyPlatformTheSharedModulesAndWhatIsDeclared = classes()
            .that()
            .resideInAnyPackage(
                    FEATURES.stream().map(f -> BASE + "." + f + "..").toArray(String[]::new))
            .should(new ArchCondition<JavaClass>("use no other feature than the ones declared") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String from = feature(origin).orElseThrow();
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        boolean allowed = switch (placeOf(target)) {
                            case "shared", "platform", "outside" -> true;
                            case "root" -> false;
                            default -> {
                                String to = feature(target).orElseThrow();
                                yield to.equals(from)
                                        || DECLARED.getOrDefault(from, Map.of()).containsKey(to);
                            }
                        };
                        if (!allowed) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    @ArchTest
    static final ArchRule platformUsesNoFeature = noClasses()
            .that()
            .resideInAPackage(BASE + ".platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    FEATURES.stream().map(f -> BASE + "." + f + "..").toArray(String[]::new));

    /** A projection is its feature's business: others read its documents through the feature's controllers. */
    @ArchTest
    static final ArchRule projectionsAreNotPublic =
            classes().that().areAnnotatedWith(ProcessingGroup.class).should().notBePublic();

    /** Only Axon calls a handler: a public one invites a caller to feed a view an event the log never held. */
    @ArchTest
    static final ArchRule handlersAreNotPublic = methods()
            .that()
            .areAnnotatedWith(EventHandler.class)
            .or()
            .areAnnotatedWith(ResetHandler.class)
            .should()
            .notBePublic();

    /** "shared", "platform", "root" (the application class), "outside" (libraries) or "feature". */
    static String placeOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("org.conventionledger")) {
            return "outside";
        }
        if (!name.startsWith(BASE)) {
            return "shared";
        }
        if (name.equals(BASE)) {
            return "root";
        }
        return name.startsWith(BASE + ".platform") ? "platform" : "feature";
    }

    static Optional<String> feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(BASE + ".")) {
            return Optional.empty();
        }
        String rest = name.substring(BASE.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
