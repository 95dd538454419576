package org.conventionledger.tools.pabulib;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines an imported project's action sheet carries in its text, {@code pabulib:project_id=…} and
 * {@code pabulib:cost=…}: the action sheet has no field for them, and the export reads them back from
 * the log to give the file's own project ids.
 */
final class ProjectTag {

    private static final Pattern PROJECT_ID = Pattern.compile("(?m)^pabulib:project_id=(.*)$");
    private static final Pattern COST = Pattern.compile("(?m)^pabulib:cost=(.*)$");

    private ProjectTag() {}

    /** The action sheet's text for a project; the cost line only when the file gives one. */
    static String text(String projectId, String cost) {
        String text = "Imported from Pabulib.\npabulib:project_id=" + projectId;
        return cost == null || cost.isBlank() ? text : text + "\npabulib:cost=" + cost.strip();
    }

    /** The project id an action sheet's text carries; null for a sheet that was not imported. */
    static String projectId(String text) {
        return find(PROJECT_ID, text);
    }

    /** The cost an action sheet's text carries; null if none. */
    static String cost(String text) {
        return find(COST, text);
    }

    private static String find(Pattern pattern, String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1).strip() : null;
    }
}
