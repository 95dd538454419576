package org.conventionledger.query.recruitment;

import org.conventionledger.query.platform.ProblemResponses;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The recruitment dashboard of a convention, for the organisers, garants and monitoring body. */
@RestController
public class RecruitmentController {

    private final MongoTemplate mongo;

    public RecruitmentController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/conventions/{conventionId}/recruitment")
    public RecruitmentView recruitment(@PathVariable String conventionId) {
        Recruitment recruitment = mongo.findById(conventionId, Recruitment.class);
        if (recruitment == null) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-convention",
                    "No convention " + conventionId + " is known (yet) to the read side.");
        }
        return RecruitmentReport.of(
                recruitment,
                ListedPerson.count(mongo, conventionId),
                listId -> ListedPerson.countOn(mongo, conventionId, listId),
                InvitationRecord.countReminded(mongo, conventionId));
    }
}
