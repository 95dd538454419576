package org.conventionledger.query.pages.audit;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.conventionledger.events.integrity.TreeAudit;
import org.conventionledger.events.integrity.TreeHeads;
import org.conventionledger.query.oversight.LogTreeController;
import org.conventionledger.query.pages.PageModel;
import org.conventionledger.query.pages.relay.CommandRelay;
import org.conventionledger.query.pages.relay.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /audit/countersign}: a garant countersigns a signed tree head with their own key, which never
 * leaves their machine. The page shows the exact text the ledger signed ({@link TreeHeads#headText}), its
 * SHA-256 and the commands that sign it offline (garants.md, step 2); the garant pastes the signature, which
 * goes to the command-service as the signed-in garant ({@link CommandRelay}). Its rules check it against
 * the garant's registered, unrevoked key; a bad signature is refused there and shown here in words.
 */
// pages, not API operations: kept out of the OpenAPI document (and of RoleRulesTest's API rules)
@Hidden
@Controller
public class CountersignPage {

    private static final int SHOWN = 10;
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9+/]{1,196}={0,2}");
    private static final Map<String, String> FIELDS = Map.of(
            "signature-does-not-verify", "signature",
            "key-not-registered", "keyId",
            "no-such-garant-key", "keyId",
            "key-revoked", "keyId",
            "already-countersigned", "keyId");

    private final LogTreeController tree;
    private final CommandRelay relay;
    private final MessageSource messages;

    public CountersignPage(LogTreeController tree, CommandRelay relay, MessageSource messages) {
        this.tree = tree;
        this.relay = relay;
        this.messages = messages;
    }

    /** The latest heads, and the chosen one (the newest by default) ready to be signed. */
    @GetMapping("/audit/countersign")
    public ModelAndView form(@RequestParam(required = false) String headId) {
        return page(headId, Map.of(), new FormErrors(messages));
    }

    @PostMapping("/audit/tree-heads/{headId}/countersignatures")
    public ModelAndView countersign(
            @PathVariable String headId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages);
        String keyId = form.getOrDefault("keyId", "").trim();
        String signature = form.getOrDefault("signature", "").replaceAll("\\s", "");
        if (!KEY_ID.matcher(keyId).matches()) {
            errors.add("keyId", "countersign.error.keyId");
        }
        if (!SIGNATURE.matcher(signature).matches()) {
            errors.add("signature", "countersign.error.signature");
        }
        if (!CommandRelay.isId(headId) || head(headId).isEmpty()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND);
        }
        if (errors.any()) {
            return page(headId, form, errors);
        }
        CommandRelay.Answer answer = relay.post(
                "/api/tree-heads/{headId}/countersignatures", Map.of("keyId", keyId, "signature", signature), headId);
        if (!answer.accepted()) {
            ModelAndView page = page(headId, form, errors.refused(answer, FIELDS));
            page.setStatus(HttpStatus.valueOf(answer.status()));
            return page;
        }
        redirect.addFlashAttribute(
                "done", messages.getMessage("countersign.done", null, LocaleContextHolder.getLocale()));
        return new ModelAndView("redirect:/audit/countersign?headId=" + headId);
    }

    private ModelAndView page(String headId, Map<String, String> form, FormErrors errors) {
        List<Map<String, Object>> heads = tree.heads();
        Map<String, Object> chosen = headId == null
                ? (heads.isEmpty() ? null : heads.get(heads.size() - 1))
                : head(heads, headId).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND));
        ModelAndView page = new ModelAndView("pages/audit-countersign");
        PageModel.languageLinks(page, "/audit/countersign");
        List<Map<String, Object>> latest =
                new ArrayList<>(heads.subList(Math.max(0, heads.size() - SHOWN), heads.size()));
        Collections.reverse(latest);
        page.addObject("heads", latest);
        page.addObject("values", form);
        page.addObject("errors", errors.asMap());
        if (chosen != null) {
            TreeAudit.Head head = TreeAudit.head(strings(chosen));
            String text = TreeHeads.headText(head.size(), head.position(), head.root(), head.signedAt());
            page.addObject("head", chosen);
            page.addObject("text", text);
            page.addObject("sha256", sha256(text));
            page.addObject(
                    "printf",
                    "printf 'ledger-tree-v1 head\\n%s\\n%s\\n%s\\n%s\\n' " + head.size() + " " + head.position() + " "
                            + head.root() + " " + head.signedAt() + " > head.txt");
        }
        if (errors.any()) {
            page.setStatus(HttpStatus.BAD_REQUEST);
        }
        return page;
    }

    private Optional<Map<String, Object>> head(String headId) {
        return head(tree.heads(), headId);
    }

    private static Optional<Map<String, Object>> head(List<Map<String, Object>> heads, String headId) {
        return heads.stream().filter(h -> headId.equals(h.get("headId"))).findFirst();
    }

    private static Map<String, String> strings(Map<String, Object> head) {
        Map<String, String> fields = new LinkedHashMap<>();
        head.forEach((k, v) -> fields.put(k, String.valueOf(v)));
        return fields;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
