package org.conventionledger.query.pages.convention;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.conventionledger.query.consultation.ConsultationController;
import org.conventionledger.query.consultation.ConsultationController.ConsultationView;
import org.conventionledger.query.dashboard.DashboardController;
import org.conventionledger.query.dashboard.DashboardController.DashboardView;
import org.conventionledger.query.deliberation.DeliberationDashboardController;
import org.conventionledger.query.deliberation.DeliberationDashboardController.DeliberationDashboardView;
import org.conventionledger.query.followup.FollowUpController;
import org.conventionledger.query.followup.FollowUpController.FollowUpView;
import org.conventionledger.query.organisation.SessionController;
import org.conventionledger.query.organisation.SessionView;
import org.conventionledger.query.oversight.ReferralController;
import org.conventionledger.query.oversight.ReferralController.GarantOpinionView;
import org.conventionledger.query.oversight.ReferralController.ReferralView;
import org.conventionledger.query.pages.PageCache;
import org.conventionledger.query.pages.votation.DeskTallies;
import org.conventionledger.query.platform.ProjectionRebuild;
import org.conventionledger.query.recruitment.RecruitmentController;
import org.conventionledger.query.recruitment.RecruitmentView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /conventions/{conventionId}}: the organisers' dashboard, for organisers, garants and the
 * monitoring body, composed of the read API's views of the convention. A part not projected yet is
 * left out of the page, not an error; an unknown convention is the 404 page.
 */
// pages, not API operations: kept out of the OpenAPI document (and of RoleRulesTest's API rules)
@Hidden
@Controller
public class ConventionPage {

    private final DashboardController dashboards;
    private final RecruitmentController recruitment;
    private final SessionController sessions;
    private final DeliberationDashboardController deliberation;
    private final ConsultationController consultation;
    private final FollowUpController followUp;
    private final ReferralController referrals;
    private final ProjectionRebuild projections;
    private final PageCache cache;
    private final DeskTallies desks;
    private final ExcusedMembers excused;

    public ConventionPage(
            DashboardController dashboards,
            RecruitmentController recruitment,
            SessionController sessions,
            DeliberationDashboardController deliberation,
            ConsultationController consultation,
            FollowUpController followUp,
            ReferralController referrals,
            ProjectionRebuild projections,
            PageCache cache,
            DeskTallies desks,
            ExcusedMembers excused) {
        this.cache = cache;
        this.desks = desks;
        this.excused = excused;
        this.dashboards = dashboards;
        this.recruitment = recruitment;
        this.sessions = sessions;
        this.deliberation = deliberation;
        this.consultation = consultation;
        this.followUp = followUp;
        this.referrals = referrals;
        this.projections = projections;
    }

    /** The views the dashboard shows, read together. */
    public record Views(
            DashboardView d,
            RecruitmentView recruitment,
            List<SessionView> sessions,
            DeliberationDashboardView deliberation,
            long openObjections,
            ConsultationView consultation,
            FollowUpView followUp,
            List<ReferralView> referrals,
            List<GarantOpinionView> opinions,
            Map<String, Map<String, Long>> deskStates,
            Map<String, List<String>> excused) {}

    @GetMapping("/conventions/{conventionId}")
    public String dashboard(@PathVariable String conventionId, Model model) {
        Views views = cache.get("convention:" + conventionId, () -> read(conventionId));
        model.addAttribute("d", views.d());
        model.addAttribute("recruitment", views.recruitment());
        model.addAttribute("sessions", views.sessions());
        model.addAttribute("deliberation", views.deliberation());
        model.addAttribute("openObjections", views.openObjections());
        model.addAttribute("consultation", views.consultation());
        model.addAttribute("followUp", views.followUp());
        model.addAttribute("referrals", views.referrals());
        model.addAttribute("opinions", views.opinions());
        model.addAttribute("deskStates", views.deskStates());
        model.addAttribute("excused", views.excused());
        model.addAttribute("projections", projections.progress());
        return "pages/convention";
    }

    private Views read(String conventionId) {
        DashboardView dashboard = dashboards.dashboard(conventionId);
        DeliberationDashboardView deliberated = unlessMissing(() -> deliberation.dashboard(conventionId));
        return new Views(
                dashboard,
                unlessMissing(() -> recruitment.recruitment(conventionId)),
                unlessMissing(() -> sessions.sessions(conventionId)),
                deliberated,
                deliberated == null
                        ? 0
                        : deliberated.openObjectionsByCategory().values().stream()
                                .mapToLong(Long::longValue)
                                .sum(),
                unlessMissing(() -> consultation.consultation(conventionId)),
                unlessMissing(() -> followUp.followUp(conventionId)),
                unlessMissing(() -> referrals.referrals(conventionId)),
                unlessMissing(() -> referrals.garantOpinions(conventionId)),
                deskStates(dashboard),
                excused.bySession(conventionId));
    }

    /** Per votation, how many desks are entered, mismatched and confirmed in the double entry. */
    private Map<String, Map<String, Long>> deskStates(DashboardView dashboard) {
        Map<String, Map<String, Long>> states = new LinkedHashMap<>();
        dashboard
                .votations()
                .forEach(v -> states.put(v.votationId(), DeskTallies.byState(desks.desks(v.votationId()))));
        return states;
    }

    /** Organisers only (see PagesSecurity): replays one projection from the start of the log. */
    @PostMapping("/conventions/{conventionId}/projections/{name}/rebuild")
    public String rebuild(@PathVariable String conventionId, @PathVariable String name, RedirectAttributes flash) {
        projections.rebuild(name);
        flash.addFlashAttribute("rebuilt", name);
        return "redirect:/conventions/" + conventionId + "#health";
    }

    private static <T> T unlessMissing(Supplier<T> read) {
        try {
            return read.get();
        } catch (ErrorResponseException notProjected) {
            if (notProjected.getStatusCode().value() == 404) {
                return null;
            }
            throw notProjected;
        }
    }
}
