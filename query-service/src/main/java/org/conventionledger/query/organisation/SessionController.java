package org.conventionledger.query.organisation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.conventionledger.csv.CsvFlavour;
import org.conventionledger.query.platform.ProblemResponses;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A convention's sessions, and each session's payable list for the finance department. */
@RestController
public class SessionController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final MongoTemplate mongo;

    public SessionController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/conventions/{conventionId}/sessions")
    public List<SessionView> sessions(@PathVariable String conventionId) {
        return SessionReport.sessions(book(conventionId));
    }

    /** No {@code produces}: an unknown id still gets its problem+json whatever the client accepts. */
    @GetMapping("/api/conventions/{conventionId}/sessions/{sessionId}/payable.csv")
    public ResponseEntity<byte[]> payable(
            @PathVariable String conventionId,
            @PathVariable String sessionId,
            @RequestParam(required = false) String format) {
        CsvFlavour flavour = flavour(format);
        SessionBook book = book(conventionId);
        SessionBook.Session session = book.findSession(sessionId)
                .orElseThrow(() -> ProblemResponses.error(
                        HttpStatus.NOT_FOUND,
                        "unknown-session",
                        "Convention " + conventionId + " has no session " + sessionId
                                + " known (yet) to the read side."));
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("payable-session-" + session.number + ".csv")
                                .build()
                                .toString())
                .body(PayableCsv.write(flavour, SessionReport.payable(book, session)));
    }

    /** {@code format}: absent or {@code csv} for standard CSV, {@code excel-fr} for a French spreadsheet. */
    private static CsvFlavour flavour(String format) {
        try {
            return CsvFlavour.of(format);
        } catch (IllegalArgumentException e) {
            throw ProblemResponses.error(
                    HttpStatus.BAD_REQUEST,
                    "invalid-format",
                    "Parameter 'format' must be csv or " + CsvFlavour.EXCEL_FR_NAME + ".");
        }
    }

    private SessionBook book(String conventionId) {
        SessionBook book = mongo.findById(conventionId, SessionBook.class);
        if (book == null) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-convention",
                    "No convention " + conventionId + " is known (yet) to the read side.");
        }
        return book;
    }
}
