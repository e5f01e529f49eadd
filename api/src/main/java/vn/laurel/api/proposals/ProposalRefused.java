package vn.laurel.api.proposals;

import io.micronaut.http.HttpStatus;

/**
 * A request the proposal lists refuse: the status, the field it names and the sentence (a key of the proposals
 * bundle, with its arguments), so that the API answers a problem and a page a form in the reader's language.
 */
public final class ProposalRefused extends RuntimeException {
    private final HttpStatus status;
    private final String field;
    private final String key;
    private final Object[] args;

    public ProposalRefused(HttpStatus status, String field, String key, Object... args) {
        super(key + " " + java.util.Arrays.toString(args), null, false, false);
        this.status = status;
        this.field = field;
        this.key = key;
        this.args = args.clone();
    }

    public HttpStatus status() { return status; }

    public String field() { return field; }

    public String key() { return key; }

    public Object[] args() { return args.clone(); }
}
