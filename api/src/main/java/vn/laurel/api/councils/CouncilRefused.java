package vn.laurel.api.councils;

import java.util.List;

/**
 * A council request refused for its input, naming the field and the text to show (a key of the councils
 * bundle and its arguments, {0}, {1}…): the API answers it as a problem in the caller's language, a page
 * shows its form again. Nothing was written.
 */
public class CouncilRefused extends RuntimeException {
    /** 400 bad value, 404 no such council or session, 409 already recorded, 413 too many, 422 not allowed here. */
    private final int status;
    private final String field;
    private final String key;
    private final List<Object> args;

    public CouncilRefused(int status, String field, String key, Object... args) {
        super(field + ": " + key + " " + List.of(args));
        this.status = status;
        this.field = field;
        this.key = key;
        this.args = List.of(args);
    }

    public static CouncilRefused bad(String field, String key, Object... args) {
        return new CouncilRefused(400, field, key, args);
    }

    public static CouncilRefused unprocessable(String field, String key, Object... args) {
        return new CouncilRefused(422, field, key, args);
    }

    public static CouncilRefused notFound(String field, String key, Object... args) {
        return new CouncilRefused(404, field, key, args);
    }

    public int status() { return status; }

    public String field() { return field; }

    public String key() { return key; }

    public List<Object> args() { return args; }

    /** The text in a language, from its bundle (a template with {0}, {1}…). */
    public String text(java.util.function.Function<String, String> bundle) {
        String t = bundle.apply(key);
        for (int i = 0; i < args.size(); i++) t = t.replace("{" + i + "}", String.valueOf(args.get(i)));
        return t;
    }
}
