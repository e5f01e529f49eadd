package vn.laurel.api.security;

import io.micronaut.http.HttpRequest;

import java.security.Principal;

/**
 * Who asked: the authenticated user (the demo account's name, or the token's subject). Recorded on
 * decisions, fact writes, imports and rule-set changes; never taken from a header the caller writes.
 */
public final class Requester {
    private static final int MAX = 200;

    private Requester() {}

    public static String of(HttpRequest<?> request) {
        String name = request.getUserPrincipal().map(Principal::getName).orElse("anonymous");
        return name.length() > MAX ? name.substring(0, MAX) : name;
    }
}
