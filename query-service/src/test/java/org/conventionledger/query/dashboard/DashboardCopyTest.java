package org.conventionledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint's copy of a dashboard has every figure of it, field by field (a field added later and
 * forgotten in {@link Dashboard#copy()} fails here), and shares nothing with it.
 */
class DashboardCopyTest {

    @Test
    void theCopyHasEveryFigureAndSharesNothing() throws Exception {
        Dashboard dashboard = Dashboard.of("conv-1");
        Dashboard.VotationFigures figures = new Dashboard.VotationFigures();
        fill(figures, 100);
        dashboard.votations.put("vot-1", figures);
        dashboard.membersByTransition.put("SOCIAL", 3L);
        fill(dashboard, 1);

        Dashboard copy = dashboard.copy();

        assertThat(copy)
                .usingRecursiveComparison()
                .ignoringFields("version", "absorbed")
                .isEqualTo(dashboard);
        copy.votations.get("vot-1").onlineBallots++;
        copy.membersByTransition.merge("SOCIAL", 1L, Long::sum);
        assertThat(dashboard.votations.get("vot-1").onlineBallots).isEqualTo(figures.onlineBallots);
        assertThat(dashboard.membersByTransition).containsEntry("SOCIAL", 3L);
    }

    /** A distinct value in every plain field: numbers from {@code seed} on, strings naming their field. */
    private static void fill(Object target, long seed) throws IllegalAccessException {
        long next = seed;
        for (Field field : target.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            if (field.getType() == long.class) {
                field.setLong(target, next++);
            } else if (field.getType() == String.class && !field.getName().equals("conventionId")) {
                field.set(target, field.getName() + "-value");
            }
        }
    }
}
