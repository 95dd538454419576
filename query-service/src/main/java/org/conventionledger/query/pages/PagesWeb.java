package org.conventionledger.query.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages' language: French or English, from a choice that sticks (a cookie set by {@code ?lang=})
 * or else from the browser's {@code Accept-Language}; French for any other language.
 */
@Configuration
public class PagesWeb implements WebMvcConfigurer {

    static final Locale FRENCH = Locale.FRENCH;

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("ledger-lang") {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return supported(super.resolveLocale(request));
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        // without Accept-Language the servlet reports the server's own locale: French then, not the server's
        resolver.setDefaultLocaleFunction(
                request -> request.getHeader("Accept-Language") == null ? FRENCH : supported(request.getLocale()));
        return resolver;
    }

    static Locale supported(Locale asked) {
        return asked != null && "en".equals(asked.getLanguage()) ? Locale.ENGLISH : FRENCH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns(PagesSecurity.PATHS);
    }
}
