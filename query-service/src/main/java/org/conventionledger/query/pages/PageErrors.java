package org.conventionledger.query.pages;

import org.conventionledger.query.pages.relay.CommandRelay;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The read services' refusals, shown as pages in words: an unknown id is the 404 page, a hidden result
 * asks an anonymous reader to sign in and shows the 403 page to a role that may not see it.
 */
// before the API's problem+json advice, which would otherwise answer the pages' errors too
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(basePackages = "org.conventionledger.query.pages")
public class PageErrors {

    private final MessageSource messages;

    public PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** A write without a credential to relay (a session that lost it): sign in again; nothing was sent. */
    @ExceptionHandler(CommandRelay.NotSignedIn.class)
    public ModelAndView notSignedIn() {
        return new ModelAndView("redirect:/login");
    }

    /** The command-service did not answer: said in words, with a 503. */
    @ExceptionHandler(CommandRelay.Unreachable.class)
    public ModelAndView unreachable() {
        ModelAndView page = new ModelAndView("pages/error");
        page.addObject("detail", messages.getMessage("problem.unreachable", null, LocaleContextHolder.getLocale()));
        page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        return page;
    }

    @ExceptionHandler(ErrorResponseException.class)
    public ModelAndView refused(ErrorResponseException e) {
        HttpStatusCode status = e.getStatusCode();
        if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
            return new ModelAndView("redirect:/login");
        }
        ModelAndView page = page(status);
        page.addObject("detail", e.getBody().getDetail());
        return page;
    }

    /** The error page for this status: its own words for 403 and 404, general ones otherwise. */
    static ModelAndView page(HttpStatusCode status) {
        ModelAndView page = new ModelAndView("pages/error");
        page.addObject("kind", status.value() == 404 || status.value() == 403 ? status.value() : "error");
        page.setStatus(status);
        return page;
    }
}
