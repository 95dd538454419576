package org.conventionledger.query.pages.convention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Per session, the members recorded as excused (their member ids, pseudonymous), read from the sessions'
 * projection ({@code session_books}) the read API's session views count them from; a corrected presence
 * replaces the earlier one there, so the list is the current one.
 */
@Component
public class ExcusedMembers {

    private final MongoTemplate mongo;

    public ExcusedMembers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Session id to the excused members' ids, sorted; empty when the convention has no sessions yet. */
    public Map<String, List<String>> bySession(String conventionId) {
        Document book = mongo.findById(conventionId, Document.class, "session_books");
        Map<String, List<String>> excused = new LinkedHashMap<>();
        if (book == null) {
            return excused;
        }
        for (Document session : book.getList("sessions", Document.class, List.of())) {
            List<String> members = new ArrayList<>();
            for (Document attendance : session.getList("attendance", Document.class, List.of())) {
                if ("EXCUSED".equals(attendance.getString("presence"))) {
                    members.add(attendance.getString("memberId"));
                }
            }
            members.sort(null);
            excused.put(session.getString("sessionId"), members);
        }
        return excused;
    }
}
