package vn.laurel.api.pages;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;

/** The links of the header and the home page: each page the signed-in user's roles open. */
@Singleton
public class Navigation {
    /** One link: where it goes, its text and its description (message keys), who may follow it. */
    public record Link(String path, String key, String textKey, Set<String> roles) {}

    static final List<Link> LINKS = List.of(
            new Link("/search", "nav.search", "home.searchText", PageRoles.SIGNED_IN),
            new Link("/candidates", "nav.candidates", "home.candidatesText", PageRoles.CANDIDATES),
            new Link("/what-if", "nav.whatIf", "home.whatIfText", PageRoles.WHAT_IF),
            new Link("/batches", "nav.batches", "home.batchesText", PageRoles.BATCHES),
            new Link("/year", "nav.year", "home.yearText", PageRoles.YEAR),
            new Link("/audit", "nav.audit", "home.auditText", PageRoles.AUDIT),
            new Link("/workbench", "nav.workbench", "home.workbenchText", PageRoles.WORKBENCH));

    public List<Link> linksFor(Authentication user) {
        return LINKS.stream().filter(l -> Pages.hasAny(user, l.roles())).toList();
    }
}
