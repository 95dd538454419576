package org.conventionledger.query.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page's header needs: who is signed in, with which roles, and this page's address per language. */
@ControllerAdvice(basePackages = "org.conventionledger.query.pages")
public class PageModel {

    public record Reader(String name, List<String> roles) {

        public boolean has(String role) {
            return roles.contains(role);
        }
    }

    @ModelAttribute("reader")
    public Reader reader() {
        return current();
    }

    /** Who is signed in on this request, or null for an anonymous reader. */
    public static Reader current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return null;
        }
        return new Reader(
                auth.getName(),
                auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("ROLE_"))
                        .map(a -> a.substring(5))
                        .toList());
    }

    /** This page in English and in French: the same address and parameters, {@code lang} replaced. */
    @ModelAttribute("inEnglish")
    public String inEnglish(HttpServletRequest request) {
        return withLanguage(request, "en");
    }

    @ModelAttribute("inFrench")
    public String inFrench(HttpServletRequest request) {
        return withLanguage(request, "fr");
    }

    /**
     * For a page shown in answer to a form (a POST): its language links lead to the page's own address,
     * {@code path}, since the form's address takes no GET.
     */
    public static void languageLinks(ModelAndView page, String path) {
        page.addObject(
                "inEnglish",
                UriComponentsBuilder.fromPath(path)
                        .queryParam("lang", "en")
                        .build()
                        .encode()
                        .toUriString());
        page.addObject(
                "inFrench",
                UriComponentsBuilder.fromPath(path)
                        .queryParam("lang", "fr")
                        .build()
                        .encode()
                        .toUriString());
    }

    private static String withLanguage(HttpServletRequest request, String language) {
        String query = request.getQueryString();
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(query)
                .replaceQueryParam("lang", language)
                .build()
                .toUriString();
    }
}
