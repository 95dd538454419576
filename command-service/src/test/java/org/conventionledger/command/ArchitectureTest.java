package org.conventionledger.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
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
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The command service's package boundaries, checked on its main code (docs/adr-009-boundaries.md). A feature
 * depends on {@code platform}, on the shared modules (the event catalogue, the pure rules, the shared
 * platform code, the tables) and on the features declared in {@link #DECLARED}, each with its reason.
 */
@AnalyzeClasses(packages = ArchitectureTest.BASE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String BASE = "org.conventionledger.command";

    static final List<String> FEATURES = List.of(
            "organisation",
            "recruitment",
            "deliberation",
            "consultation",
            "votation",
            "oversight",
            "followup",
            "privacy");

    /** Which feature may use which other, and why. Anything not listed here is a violation. */
    static final Map<String, Map<String, String>> DECLARED = Map.of(
            "recruitment",
                    Map.of(
                            "organisation", "a source list and a draw belong to a convention (ConventionRegister)",
                            "oversight",
                                    "each opening of a sealed identity for a letter is recorded "
                                            + "(RecordPersonalDataRead)",
                            "privacy",
                                    "residents' identities are sealed on import and opened for letters (PersonVault)"),
            "deliberation",
                    Map.of(
                            "organisation",
                            "a question belongs to a convention, an action's referent is a sitting member"
                                    + " (ConventionRegister, MemberRegister)"),
            "consultation",
                    Map.of(
                            "organisation", "a call for proposals belongs to a convention (ConventionRegister)",
                            "deliberation",
                                    "a call for proposals is opened on a topic the convention chose"
                                            + " (DeliberationRegister)",
                            "votation",
                                    "residents take part as voters do: one reference, one pseudonym rule"
                                            + " (VoterReference, VoterPseudonyms, VoterClaims)"),
            "votation", Map.of("deliberation", "a votation puts final actions to the vote (DeliberationRegister)"),
            "oversight",
                    Map.of(
                            "organisation", "referrals and opinions belong to a convention (ConventionRegister)",
                            "privacy", "the garants' view of who opened sealed data, and erasure (PersonVault)"),
            "followup",
                    Map.of(
                            "organisation", "an answer belongs to a convention (ConventionRegister)",
                            "deliberation", "only final actions are followed up (DeliberationRegister)"),
            "organisation", Map.of(),
            "privacy", Map.of());

    /**
     * The one class allowed past the declared graph: {@code Convention}, the aggregate the log knows as
     * "Convention", handles the recruitment and judgment-vote commands of its convention with their state
     * kept in those features' packages (Panel, JudgmentVotes), so that their events keep their aggregate type.
     */
    static final DescribedPredicate<JavaClass> CONVENTION_AGGREGATE = DescribedPredicate.describe(
            "the Convention aggregate",
            c -> c.getName().equals(BASE + ".organisation.Convention")
                    || c.getName().startsWith(BASE + ".organisation.Convention$"));

    static final DescribedPredicate<JavaClass> IN_RECRUITMENT_OR_DELIBERATION = DescribedPredicate.describe(
            "a recruitment or deliberation class",
            c -> c.getPackageName().startsWith(BASE + ".recruitment")
                    || c.getPackageName().startsWith(BASE + ".deliberation"));

    @ArchTest
    static final ArchRule everyPackageIsADeclaredFeatureOrPlatform = classes()
            .should()
            .resideInAnyPackage(Stream.concat(FEATURES.stream(), Stream.of("platform"))
                    .map(f -> BASE + "." + f + "..")
                    .toArray(String[]::new))
            .orShould()
            .resideInAPackage(BASE);

    @ArchTest
    static final ArchRule featuresFormNoCycle = slices().matching(BASE + ".(*)..")
            .should()
            .beFreeOfCycles()
            .ignoreDependency(CONVENTION_AGGREGATE, IN_RECRUITMENT_OR_DELIBERATION);

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
                                        || DECLARED.get(from).containsKey(to)
                                        || CONVENTION_AGGREGATE.test(origin)
                                                && IN_RECRUITMENT_OR_DELIBERATION.test(target);
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

    /** Other features send commands and read registers; an aggregate's state is its own feature's business. */
    @ArchTest
    static final ArchRule aggregatesAreUsedOnlyInTheirFeature = classes()
            .that()
            .areAnnotatedWith(Aggregate.class)
            .should(new ArchCondition<JavaClass>("be used by no class outside their feature") {
                @Override
                public void check(JavaClass aggregate, ConditionEvents events) {
                    for (Dependency dependency : aggregate.getDirectDependenciesToSelf()) {
                        JavaClass origin = dependency.getOriginClass();
                        if (!feature(origin).equals(feature(aggregate))) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    /** Only Axon calls a handler: a public one invites a caller to apply an event the log never held. */
    @ArchTest
    static final ArchRule handlersAreNotPublic = methods()
            .that()
            .areAnnotatedWith(EventHandler.class)
            .or()
            .areAnnotatedWith(EventSourcingHandler.class)
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
