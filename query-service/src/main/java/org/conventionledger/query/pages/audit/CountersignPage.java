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
import java.util.function.Function;
import java.util.regex.Pattern;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.integrity.TreeAudit;
import org.conventionledger.events.integrity.TreeHeads;
import org.conventionledger.query.oversight.LogTree;
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
 * {@code /audit/countersign}: a garant countersigns a signed tree head, or a published seal of the log
 * ({@code ?sealId=}, a session's seal among them), with their own key, which never leaves their machine. The
 * page shows the exact text to sign ({@link TreeHeads#headText}, {@link ChainLink#sealText}), its SHA-256 and
 * the commands that sign it offline (garants.md, step 2); the garant pastes their key id and the signature,
 * which go to the command-service as the signed-in garant ({@link CommandRelay}). A head's countersignature
 * names the key by its id; a seal's carries the public key itself, which the page takes from the keys
 * garants registered in the log (an unregistered or revoked key is refused here, before anything is sent).
 * The command-service checks the signature; a bad one is refused there and shown here in words.
 */
// pages, not API operations: kept out of the OpenAPI document (and of RoleRulesTest's API rules)
@Hidden
@Controller
public class CountersignPage {

    private static final int SHOWN = 10;
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9+/]{1,196}={0,2}");
    private static final String SIGN_COMMAND = "openssl pkeyutl -sign -inkey garant.pem -rawin -in %s | base64 -w0";
    private static final String KEY_ID_COMMAND =
            "openssl pkey -in garant.pem -pubout -outform DER | sha256sum | cut -d\" \" -f1   # keyId";
    private static final Map<String, String> FIELDS = Map.of(
            "signature-does-not-verify", "signature",
            "invalid-signature", "signature",
            "invalid-public-key", "keyId",
            "key-not-registered", "keyId",
            "no-such-garant-key", "keyId",
            "key-revoked", "keyId",
            "already-countersigned", "keyId");

    /**
     * What is being countersigned, as the shared fragment shows it: a title, facts (a bundle key, an element
     * id and a value each), the exact text, its SHA-256, the commands that sign it and the bundle key of the
     * guide they come from, where the form goes.
     */
    public record Subject(
            String title, List<Fact> facts, String text, String sha256, String steps, String commands, String action) {}

    public record Fact(String label, String id, Object value) {}

    /** A list of heads or seals to choose from: its element id, title and date column keys, and rows. */
    public record Choices(String id, String title, String at, List<Choice> rows) {}

    public record Choice(String href, Object size, Object at, Object reason) {}

    private final LogTree tree;
    private final CommandRelay relay;
    private final MessageSource messages;

    public CountersignPage(LogTree tree, CommandRelay relay, MessageSource messages) {
        this.tree = tree;
        this.relay = relay;
        this.messages = messages;
    }

    /** The latest heads and seals, and the chosen one (the newest head by default) ready to be signed. */
    @GetMapping("/audit/countersign")
    public ModelAndView form(
            @RequestParam(required = false) String headId, @RequestParam(required = false) String sealId) {
        return page(headId, sealId, Map.of(), new FormErrors(messages));
    }

    @PostMapping("/audit/tree-heads/{headId}/countersignatures")
    public ModelAndView countersignHead(
            @PathVariable String headId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        if (!CommandRelay.isId(headId) || find(tree.heads(), "headId", headId).isEmpty()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND);
        }
        FormErrors errors = checked(form);
        if (errors.any()) {
            return page(headId, null, form, errors);
        }
        return relayed(
                relay.post(
                        "/api/tree-heads/{headId}/countersignatures",
                        Map.of("keyId", keyId(form), "signature", signature(form)),
                        headId),
                headId,
                null,
                form,
                redirect);
    }

    @PostMapping("/audit/seals/{sealId}/countersignatures")
    public ModelAndView countersignSeal(
            @PathVariable String sealId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        if (!CommandRelay.isId(sealId) || find(tree.seals(), "sealId", sealId).isEmpty()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND);
        }
        FormErrors errors = checked(form);
        Optional<String> publicKey = errors.any() ? Optional.empty() : registeredKey(keyId(form), errors);
        if (publicKey.isEmpty()) {
            return page(null, sealId, form, errors);
        }
        return relayed(
                relay.post(
                        "/api/seals/{sealId}/countersignatures",
                        Map.of("publicKey", publicKey.get(), "signature", signature(form)),
                        sealId),
                null,
                sealId,
                form,
                redirect);
    }

    private FormErrors checked(Map<String, String> form) {
        FormErrors errors = new FormErrors(messages);
        if (!KEY_ID.matcher(keyId(form)).matches()) {
            errors.add("keyId", "countersign.error.keyId");
        }
        if (!SIGNATURE.matcher(signature(form)).matches()) {
            errors.add("signature", "countersign.error.signature");
        }
        return errors;
    }

    /** The public key registered in the log under {@code keyId}, unless it was revoked since. */
    private Optional<String> registeredKey(String keyId, FormErrors errors) {
        String publicKey = null;
        for (Map<String, String> key : tree.garantKeys()) {
            if (keyId.equals(key.get("keyId"))) {
                publicKey = "GarantKeyRevoked".equals(key.get("event")) ? "" : key.get("publicKey");
            }
        }
        if (publicKey == null) {
            errors.add("keyId", "problem.key-not-registered");
        } else if (publicKey.isEmpty()) {
            errors.add("keyId", "problem.key-revoked");
        }
        return errors.any() ? Optional.empty() : Optional.of(publicKey);
    }

    private ModelAndView relayed(
            CommandRelay.Answer answer,
            String headId,
            String sealId,
            Map<String, String> form,
            RedirectAttributes redirect) {
        if (!answer.accepted()) {
            ModelAndView page = page(headId, sealId, form, new FormErrors(messages).refused(answer, FIELDS));
            page.setStatus(HttpStatus.valueOf(answer.status()));
            return page;
        }
        redirect.addFlashAttribute(
                "done", messages.getMessage("countersign.done", null, LocaleContextHolder.getLocale()));
        return new ModelAndView(
                sealId == null
                        ? "redirect:/audit/countersign?headId=" + headId
                        : "redirect:/audit/countersign?sealId=" + sealId);
    }

    private ModelAndView page(String headId, String sealId, Map<String, String> form, FormErrors errors) {
        List<Map<String, Object>> heads = tree.heads();
        List<Map<String, String>> seals = tree.seals();
        ModelAndView page = new ModelAndView("pages/audit-countersign");
        PageModel.languageLinks(page, "/audit/countersign");
        page.addObject(
                "lists",
                List.of(
                        new Choices(
                                "heads",
                                "countersign.heads",
                                "countersign.signedAt",
                                latest(
                                        heads,
                                        h -> new Choice(
                                                "/audit/countersign?headId=" + h.get("headId"),
                                                h.get("size"),
                                                h.get("signedAt"),
                                                h.get("reason")))),
                        new Choices(
                                "seals",
                                "countersign.seals",
                                "countersign.sealedAt",
                                latest(
                                        seals,
                                        s -> new Choice(
                                                "/audit/countersign?sealId=" + s.get("sealId"),
                                                s.get("length"),
                                                s.get("sealedAt"),
                                                s.get("reason"))))));
        page.addObject("values", form);
        page.addObject("errors", errors.asMap());
        if (sealId != null) {
            page.addObject("subject", seal(find(seals, "sealId", sealId).orElseThrow(CountersignPage::notFound)));
        } else if (headId != null) {
            page.addObject("subject", head(find(heads, "headId", headId).orElseThrow(CountersignPage::notFound)));
        } else if (!heads.isEmpty()) {
            page.addObject("subject", head(heads.get(heads.size() - 1)));
        }
        if (errors.any()) {
            page.setStatus(HttpStatus.BAD_REQUEST);
        }
        return page;
    }

    private Subject head(Map<String, Object> chosen) {
        Map<String, String> fields = new LinkedHashMap<>();
        chosen.forEach((k, v) -> fields.put(k, String.valueOf(v)));
        TreeAudit.Head head = TreeAudit.head(fields);
        String id = fields.get("headId");
        return subject(
                "countersign.head",
                id,
                List.of(
                        new Fact("countersign.size", "head-size", head.size()),
                        new Fact("countersign.signedAt", "head-signedAt", head.signedAt())),
                TreeHeads.headText(head.size(), head.position(), head.root(), head.signedAt()),
                "printf 'ledger-tree-v1 head\\n%s\\n%s\\n%s\\n%s\\n' " + head.size() + " " + head.position() + " "
                        + head.root() + " " + head.signedAt() + " > head.txt",
                "head.txt",
                "/audit/tree-heads/" + id + "/countersignatures");
    }

    private Subject seal(Map<String, String> seal) {
        long position = Long.parseLong(seal.get("position"));
        long length = Long.parseLong(seal.get("length"));
        String id = seal.get("sealId");
        return subject(
                "countersign.seal",
                id,
                List.of(
                        new Fact("countersign.position", "seal-position", position),
                        new Fact("countersign.size", "seal-length", length),
                        new Fact("countersign.sealedAt", "seal-sealedAt", seal.get("sealedAt")),
                        new Fact("countersign.reason", "seal-reason", seal.get("reason"))),
                ChainLink.sealText(seal.get("chain"), position, seal.get("head"), length),
                "printf '%s\\n%s\\n%s\\n%s\\n' " + seal.get("chain") + " " + position + " " + seal.get("head") + " "
                        + length + " > seal.txt",
                "seal.txt",
                "/audit/seals/" + id + "/countersignatures");
    }

    private Subject subject(
            String titleKey, String id, List<Fact> facts, String text, String printf, String file, String action) {
        String sha256 = sha256(text);
        String commands = printf + "\nsha256sum " + file + "   # " + sha256 + "\n" + SIGN_COMMAND.formatted(file) + "\n"
                + KEY_ID_COMMAND;
        return new Subject(
                messages.getMessage(titleKey, new Object[] {id}, LocaleContextHolder.getLocale()),
                facts,
                text,
                sha256,
                titleKey + ".steps",
                commands,
                action);
    }

    private static <T> List<Choice> latest(List<T> all, Function<T, Choice> choice) {
        List<Choice> shown = new ArrayList<>(all.subList(Math.max(0, all.size() - SHOWN), all.size()).stream()
                .map(choice)
                .toList());
        Collections.reverse(shown);
        return shown;
    }

    private static <M extends Map<String, ?>> Optional<M> find(List<M> all, String idField, String id) {
        return all.stream().filter(m -> id.equals(m.get(idField))).findFirst();
    }

    private static ErrorResponseException notFound() {
        return new ErrorResponseException(HttpStatus.NOT_FOUND);
    }

    private static String keyId(Map<String, String> form) {
        return form.getOrDefault("keyId", "").trim();
    }

    private static String signature(Map<String, String> form) {
        return form.getOrDefault("signature", "").replaceAll("\\s", "");
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
