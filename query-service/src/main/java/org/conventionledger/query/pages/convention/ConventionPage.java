package org.conventionledger.query.pages.convention;

import java.util.function.Supplier;

import org.conventionledger.query.consultation.ConsultationController;
import org.conventionledger.query.dashboard.DashboardController;
import org.conventionledger.query.dashboard.DashboardController.DashboardView;
import org.conventionledger.query.deliberation.DeliberationDashboardController;
import org.conventionledger.query.followup.FollowUpController;
import org.conventionledger.query.oversight.ProjectionRebuild;
import org.conventionledger.query.oversight.ReferralController;
import org.conventionledger.query.recruitment.RecruitmentController;
import org.conventionledger.query.recruitment.SessionController;
import io.swagger.v3.oas.annotations.Hidden;
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

    public ConventionPage(DashboardController dashboards, RecruitmentController recruitment, SessionController sessions,
                          DeliberationDashboardController deliberation, ConsultationController consultation,
                          FollowUpController followUp, ReferralController referrals, ProjectionRebuild projections) {
        this.dashboards = dashboards;
        this.recruitment = recruitment;
        this.sessions = sessions;
        this.deliberation = deliberation;
        this.consultation = consultation;
        this.followUp = followUp;
        this.referrals = referrals;
        this.projections = projections;
    }

    @GetMapping("/conventions/{conventionId}")
    public String dashboard(@PathVariable String conventionId, Model model) {
        DashboardView dashboard = dashboards.dashboard(conventionId);
        model.addAttribute("d", dashboard);
        model.addAttribute("recruitment", unlessMissing(() -> recruitment.recruitment(conventionId)));
        model.addAttribute("sessions", unlessMissing(() -> sessions.sessions(conventionId)));
        var deliberated = unlessMissing(() -> deliberation.dashboard(conventionId));
        model.addAttribute("deliberation", deliberated);
        model.addAttribute("openObjections", deliberated == null ? 0
                : deliberated.openObjectionsByCategory().values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("consultation", unlessMissing(() -> consultation.consultation(conventionId)));
        model.addAttribute("followUp", unlessMissing(() -> followUp.followUp(conventionId)));
        model.addAttribute("referrals", unlessMissing(() -> referrals.referrals(conventionId)));
        model.addAttribute("opinions", unlessMissing(() -> referrals.garantOpinions(conventionId)));
        model.addAttribute("projections", projections.progress());
        return "pages/convention";
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
