package org.conventionledger.query.pages;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.List;
import org.conventionledger.query.dashboard.DashboardController;
import org.conventionledger.query.dashboard.DashboardController.DashboardView;
import org.conventionledger.query.organisation.ConventionDirectory;
import org.conventionledger.query.organisation.ConventionSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** {@code /}: the conventions with their stage and links to their pages; the login page; the 403 page. */
// pages, not API operations: kept out of the OpenAPI document (and of RoleRulesTest's API rules)
@Hidden
@Controller
public class HomePage {

    /** Where a convention stands, from its dashboard: the furthest part of the process it reached. */
    public enum Stage {
        RECRUITMENT,
        DELIBERATION,
        VOTATION,
        FOLLOW_UP
    }

    public record Line(
            ConventionSummary convention, Stage stage, List<DashboardController.VotationTurnout> votations) {}

    private final String mode;
    private final ConventionDirectory directory;
    private final DashboardController dashboards;

    public HomePage(
            ConventionDirectory directory,
            DashboardController dashboards,
            @Value("${ledger.security.mode:local}") String mode) {
        this.mode = mode;
        this.directory = directory;
        this.dashboards = dashboards;
    }

    @GetMapping("/")
    public String home(Model model) {
        List<Line> lines = new ArrayList<>();
        for (ConventionSummary convention : directory.conventions()) {
            try {
                DashboardView d = dashboards.dashboard(convention.conventionId());
                lines.add(new Line(convention, stage(d), d.votations()));
            } catch (ErrorResponseException notProjectedYet) {
                lines.add(new Line(convention, Stage.RECRUITMENT, List.of()));
            }
        }
        model.addAttribute("lines", lines);
        return "pages/home";
    }

    static Stage stage(DashboardView d) {
        if (d.votations().stream().anyMatch(v -> "CLOSED".equals(v.status()))) {
            return Stage.FOLLOW_UP;
        }
        if (!d.votations().isEmpty()) {
            return Stage.VOTATION;
        }
        return d.membersSeated() > 0 ? Stage.DELIBERATION : Stage.RECRUITMENT;
    }

    @GetMapping("/login")
    public String login(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("oidc", "oidc".equals(mode));
        model.addAttribute("failed", error != null);
        return "pages/login";
    }

    /**
     * Where Spring Security forwards a reader whose role does not open the page, or a form sent without
     * its CSRF token: any method, since the forward keeps the refused request's.
     */
    @RequestMapping("/denied")
    public ModelAndView denied() {
        return PageErrors.page(HttpStatus.FORBIDDEN);
    }
}
