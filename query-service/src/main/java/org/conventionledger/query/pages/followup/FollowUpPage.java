package org.conventionledger.query.pages.followup;

import io.swagger.v3.oas.annotations.Hidden;
import org.conventionledger.query.followup.FollowUpController;
import org.conventionledger.query.pages.PageCache;
import org.conventionledger.query.pages.PageModel;
import org.conventionledger.query.pages.PageModel.Reader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /followup/{conventionId}}: what the city did with each action. The public reads the summary the
 * API makes public (answer and status); the organisers, garants and monitoring body also read each
 * action's timeline, department and budget, as in {@code GET /api/conventions/{id}/follow-up}.
 */
// pages, not API operations: kept out of the OpenAPI document (and of RoleRulesTest's API rules)
@Hidden
@Controller
public class FollowUpPage {

    private final FollowUpController followUp;
    private final PageCache cache;

    public FollowUpPage(FollowUpController followUp, PageCache cache) {
        this.followUp = followUp;
        this.cache = cache;
    }

    @GetMapping("/followup/{conventionId}")
    public String followUp(@PathVariable String conventionId, Model model) {
        Reader reader = PageModel.current();
        boolean staff = reader != null && (reader.has("ORGANISER") || reader.has("GARANT") || reader.has("MONITOR"));
        model.addAttribute(
                "summary", cache.get("followup:public:" + conventionId, () -> followUp.summary(conventionId)));
        model.addAttribute(
                "full",
                staff ? cache.get("followup:full:" + conventionId, () -> followUp.followUp(conventionId)) : null);
        return "pages/followup";
    }
}
