package org.conventionledger.query.dashboard;

import org.conventionledger.query.dashboard.DashboardController.DashboardView;
import org.conventionledger.query.platform.AsOfView;
import org.conventionledger.query.platform.LogReplay;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/conventions/{id}/dashboard?asOf=…[&asOfPosition=…]}: the dashboard as it stood then
 * (see {@link DashboardAsOf}); without these parameters the request goes to the live
 * {@link DashboardController}. Same access as the live dashboard (organisers, garants, monitoring body).
 */
@RestController
public class DashboardAsOfController {

    private final DashboardAsOf asOf;

    public DashboardAsOfController(DashboardAsOf asOf) {
        this.asOf = asOf;
    }

    @GetMapping(value = "/api/conventions/{conventionId}/dashboard", params = "asOf")
    public AsOfView<DashboardView> asOf(
            @PathVariable String conventionId,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String asOfPosition) {
        return this.asOf.dashboard(conventionId, LogReplay.Bound.parse(asOf, asOfPosition));
    }

    @GetMapping(
            value = "/api/conventions/{conventionId}/dashboard",
            params = {"asOfPosition", "!asOf"})
    public AsOfView<DashboardView> asOfPosition(
            @PathVariable String conventionId, @RequestParam(required = false) String asOfPosition) {
        return asOf.dashboard(conventionId, LogReplay.Bound.parse(null, asOfPosition));
    }
}
